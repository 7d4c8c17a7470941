using DeepDsl.Dsl.Shapes;

namespace DeepDsl.Dsl.Model;

/// <summary>The largest value in each window.</summary>
public sealed record MaxPool2dLayer(string Name, string Path, Size2d PoolSize, Size2d Stride, string Padding) : Pool2dLayer(Name, Path, PoolSize, Stride, Padding)
{
    public override string Kind => "max_pool2d";
}
