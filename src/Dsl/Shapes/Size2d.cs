using System.Globalization;

namespace DeepDsl.Dsl.Shapes;

/// <summary>A window's size (or step, or spacing) along an image's height and width: what a <see cref="Schema.PairShape"/> setting means.</summary>
public sealed record Size2d(long Height, long Width)
{
    public static Size2d Square(long side) => new(side, side);

    public bool IsSquare => Height == Width;

    /// <summary>One number for a square ("2"), else "2×3": how a message names a stride, a dilation or a span.</summary>
    public string Compact => IsSquare ? Height.ToString(CultureInfo.InvariantCulture) : ToString();

    /// <summary>As a message writes a window: "3×5".</summary>
    public override string ToString() => Height.ToString(CultureInfo.InvariantCulture) + "×" + Width.ToString(CultureInfo.InvariantCulture);
}
