using System.Collections.Generic;
using DeepDsl.Dsl.Diagnostics;
using DeepDsl.Dsl.Model;

namespace DeepDsl.Dsl.Rules;

/// <summary>DDSL402/DDSL403: the output layer must produce what the loss expects — one softmax unit per class, or one sigmoid unit.</summary>
public sealed class OutputMatchesLossRule : IRule
{
    public IEnumerable<DslDiagnostic> Check(ExperimentSpec spec)
    {
        var output = Network.Output(spec);
        if (output is null) yield break;
        var activation = Network.OutputActivation(spec)!;
        var loss = spec.Training.Loss;
        if (loss is "sparse_categorical_crossentropy" or "categorical_crossentropy")
        {
            if (activation.Kind != "softmax")
                yield return Report.At(spec, Descriptors.MulticlassOutput, Report.Field(output, "activation"),
                    $"{loss} needs a softmax output, but '{output.Name}' ends with {activation.Kind}: set activation: softmax");
            if (spec.Data.Classes > 0 && output.Units != spec.Data.Classes)
                yield return Report.At(spec, Descriptors.MulticlassOutput, Report.Field(output, "units"),
                    $"'{output.Name}' has {output.Units} units but {spec.Data.Dataset} has {spec.Data.Classes} classes: set units: {spec.Data.Classes}");
        }
        else if (loss == "binary_crossentropy" && (output.Units != 1 || activation.Kind != "sigmoid"))
        {
            yield return Report.At(spec, Descriptors.BinaryOutput, Report.Field(output, output.Units != 1 ? "units" : "activation"),
                $"binary_crossentropy needs one sigmoid output unit, but '{output.Name}' has {output.Units} units with {activation.Kind}");
        }
    }
}
