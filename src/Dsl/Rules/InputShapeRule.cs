using System.Collections.Generic;
using System.Linq;
using DeepDsl.Dsl.Diagnostics;
using DeepDsl.Dsl.Model;

namespace DeepDsl.Dsl.Rules;

/// <summary>DDSL013: the model's input must be the data's example shape, and a dense layer needs flat input.</summary>
public sealed class InputShapeRule : IRule
{
    public IEnumerable<DslDiagnostic> Check(ExperimentSpec spec)
    {
        var input = spec.Model.Input;
        if (spec.Data.Dataset == "cifar10" && !input.SequenceEqual(new long[] { 32, 32, 3 }))
            yield return Report.At(spec, Descriptors.InputShape, "model.input",
                $"model.input is [{string.Join(", ", input)}] but CIFAR-10 images are [32, 32, 3]");
        if (input.Count > 1 && spec.Model.Layers.Count > 0 && spec.Model.Layers[0] is DenseLayer first)
            yield return Report.At(spec, Descriptors.InputShape, first.Path,
                $"'{first.Name}' gets examples of shape [{string.Join(", ", input)}]: add '- flatten' before the first dense layer");
    }
}
