using System.Collections.Generic;
using DeepDsl.Dsl.Diagnostics;
using DeepDsl.Dsl.Model;
using DeepDsl.Dsl.Registry;

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
        var target = Losses.Get(loss, nameof(OutputMatchesLossRule)).Target;
        if (target == LossTarget.Classes)
        {
            if (activation.Declaration.OutputActivation != "Softmax")
                yield return Report.At(spec, Descriptors.MulticlassOutput, Report.Field(output, "activation"),
                    $"{loss} needs a softmax output, but '{output.Name}' ends with {activation.Kind}: set activation: softmax");
            if (spec.Data.Classes > 0 && output.Units != spec.Data.Classes)
                yield return Report.At(spec, Descriptors.MulticlassOutput, Report.Field(output, "units"),
                    $"'{output.Name}' has {output.Units} units but {spec.Data.Dataset} has {spec.Data.Classes} classes: set units: {spec.Data.Classes}");
        }
        else if (target == LossTarget.Binary && (output.Units != 1 || activation.Declaration.OutputActivation != "Sigmoid"))
        {
            yield return Report.At(spec, Descriptors.BinaryOutput, Report.Field(output, output.Units != 1 ? "units" : "activation"),
                $"binary_crossentropy needs one sigmoid output unit, but '{output.Name}' has {output.Units} units with {activation.Kind}");
        }
    }
}
