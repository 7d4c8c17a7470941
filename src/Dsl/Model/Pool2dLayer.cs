using DeepDsl.Dsl.Shapes;

namespace DeepDsl.Dsl.Model;

/// <summary>A pooling window over images: <paramref name="PoolSize"/> (height × width), moved by <paramref name="Stride"/>, valid or same padding.</summary>
public abstract record Pool2dLayer(string Name, string Path, Size2d PoolSize, Size2d Stride, string Padding) : LayerSpec(Name, Path), IReshaping
{
    public override ShapeResult Output(TensorShape input)
    {
        if (!input.IsImage) return ShapeKeeping.Image(this, input, "pools");
        var (height, width) = (Along(input[1], PoolSize.Height, Stride.Height), Along(input[2], PoolSize.Width, Stride.Width));
        return height <= 0 || width <= 0
            ? ShapeResult.Fail($"'{Name}' ({Kind}) has a {PoolSize} pool larger than its {input[1]}×{input[2]} input (padding: valid)")
            : ShapeResult.Of(input[0], height, width);
    }

    private long Along(long size, long pool, long stride) => ConvolutionArithmetic.Output(size, pool, stride, 1, Padding);
}
