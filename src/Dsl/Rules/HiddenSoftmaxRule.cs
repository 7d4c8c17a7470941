using System.Collections.Generic;
using System.Linq;
using DeepDsl.Dsl.Diagnostics;
using DeepDsl.Dsl.Model;
using DeepDsl.Dsl.Registry;

namespace DeepDsl.Dsl.Rules;

/// <summary>DDSL401: softmax turns a layer into a probability distribution; inside the network it squashes the signal.</summary>
public sealed class HiddenSoftmaxRule : IRule
{
    public IEnumerable<DslDiagnostic> Check(ExperimentSpec spec) =>
        Network.HiddenActivations(spec).Where(h => h.Activation.Declaration.Family == ActivationFamily.Distribution)
            .Select(h => Report.At(spec, Descriptors.HiddenSoftmax, h.Path,
                $"'{h.Layer.Name}' is a hidden layer with softmax: softmax belongs only to the output layer; use relu, elu or selu here"));
}
