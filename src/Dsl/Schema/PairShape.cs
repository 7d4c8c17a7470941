namespace DeepDsl.Dsl.Schema;

/// <summary>
/// A size along an image's two axes, as Keras writes kernel sizes, strides, dilations and pools: one integer for both
/// (<c>3</c>) or a list <c>[height, width]</c> (<c>[3, 5]</c>), each side in <paramref name="Side"/>'s range. The binder keeps
/// the form that was written, so the canonical spec and its hash of a square window do not change.
/// </summary>
public sealed record PairShape(IntShape Side) : Shape
{
    public override string Expected => $"{Side.Expected}, or [height, width] of them";
}
