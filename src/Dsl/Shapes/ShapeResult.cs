namespace DeepDsl.Dsl.Shapes;

/// <summary>What a layer makes of its input shape: its output shape, or why it cannot take that input (a sentence for the diagnostic).</summary>
public sealed record ShapeResult(TensorShape? Shape, string? Error)
{
    public static ShapeResult Of(TensorShape shape) => new(shape, null);

    public static ShapeResult Of(params long[] dims) => new(new TensorShape(dims), null);

    public static ShapeResult Fail(string error) => new(null, error);
}
