using System.Collections.Generic;
using DeepDsl.Dsl.Diagnostics;
using DeepDsl.Dsl.Model;
using DeepDsl.Dsl.Shapes;

namespace DeepDsl.Dsl.Rules;

/// <summary>
/// DDSL019: every layer can take the shape the layer before it gives (a dense layer after a convolution without flatten, a
/// pool larger than its input, a residual block whose output cannot be added to its input), found by following one
/// example's shape from model.input. Only the first is reported: the shapes after it are unknown.
/// </summary>
public sealed class LayerShapeRule : IRule
{
    public IEnumerable<DslDiagnostic> Check(ExperimentSpec spec)
    {
        if (ShapeInference.Infer(spec.Model).Error is { } error)
            yield return Report.At(spec, Descriptors.LayerShape, error.Layer.Path, error.Message);
    }
}
