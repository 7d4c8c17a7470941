using DeepDsl.Dsl.Shapes;

namespace DeepDsl.Dsl.Model;

/// <summary>The mean of each window (with same padding, of the cells inside the image only, as Keras).</summary>
public sealed record AvgPool2dLayer(string Name, string Path, Size2d PoolSize, Size2d Stride, string Padding) : Pool2dLayer(Name, Path, PoolSize, Stride, Padding)
{
    public override string Kind => "avg_pool2d";
}
