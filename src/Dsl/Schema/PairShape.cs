namespace DeepDsl.Dsl.Schema;

/// <summary>
/// A size along an image's two axes, as Keras writes kernel sizes, strides, dilations and pools: one integer for both
/// (<c>3</c>) or a list <c>[height, width]</c> (<c>[3, 5]</c>), each side in <paramref name="Side"/>'s range. The binder keeps
/// a square as one integer however it was written (<c>[3, 3]</c> is <c>3</c>), so a square window has one canonical form and
/// one hash, the one it had before pairs existed.
/// </summary>
public sealed record PairShape(IntShape Side) : Shape
{
    public override string Expected => $"{Side.Expected}, or [height, width] of them";
}
