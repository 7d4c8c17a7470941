using System.Linq;
using DeepDsl.Dsl.Model;

namespace DeepDsl.Dsl.Shapes;

/// <summary>Every layer's shapes and parameters up to the first error (all of them when <see cref="Error"/> is null).</summary>
public sealed record ModelShapes(TensorShape Input, EquatableArray<LayerShape> Layers, long TotalParameters, ShapeError? Error)
{
    public TensorShape Output => Layers.Count == 0 ? Input : Layers[Layers.Count - 1].Output;
}
