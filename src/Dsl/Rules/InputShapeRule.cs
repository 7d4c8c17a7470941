using System.Collections.Generic;
using System.Linq;
using DeepDsl.Dsl.Diagnostics;
using DeepDsl.Dsl.Model;

namespace DeepDsl.Dsl.Rules;

/// <summary>DDSL013: the model's input must be the data's example shape (what each layer then makes of it is DDSL019's).</summary>
public sealed class InputShapeRule : IRule
{
    // Channels first, as the runtime lays images out for its convolutions.
    private static readonly long[] Cifar10 = [3, 32, 32];

    public IEnumerable<DslDiagnostic> Check(ExperimentSpec spec)
    {
        var input = spec.Model.Input;
        if (spec.Data.Dataset == "cifar10" && !input.SequenceEqual(Cifar10))
            yield return Report.At(spec, Descriptors.InputShape, "model.input",
                $"model.input is [{string.Join(", ", input)}] but CIFAR-10 images are [3, 32, 32] (channels, height, width)" +
                (input.SequenceEqual(new long[] { 32, 32, 3 }) ? ": DeepDsl lays images out channels first, as libtorch does; write [3, 32, 32]" : ""));
    }
}
