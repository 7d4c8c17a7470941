namespace DeepDsl.Dsl.Shapes;

/// <summary>How a residual block's input reaches its sum (`projection:`), declared once for the schema and the shape rules.</summary>
public static class Projection
{
    /// <summary>Through a projection when the body changes the shape, else as it is.</summary>
    public const string Auto = "auto";

    /// <summary>Always through a projection (a 1×1 convolution for images, a dense layer for vectors).</summary>
    public const string Always = "always";

    /// <summary>As it is: the body must keep the shape.</summary>
    public const string None = "none";

    public static readonly string[] All = [Auto, Always, None];
}
