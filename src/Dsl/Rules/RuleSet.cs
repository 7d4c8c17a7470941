using System.Collections.Generic;
using System.Linq;
using DeepDsl.Dsl.Diagnostics;
using DeepDsl.Dsl.Model;

namespace DeepDsl.Dsl.Rules;

/// <summary>All validation rules; adding a rule adds one class and one line here.</summary>
public static class RuleSet
{
    public static IReadOnlyList<IRule> All { get; } =
    [
        new InputShapeRule(),
        new LayerShapeRule(),
        new ValidationSetRule(),
        new SeluInitializationRule(),
        new SeluStandardizedInputsRule(),
        new SeluPlainSequenceRule(),
        new SeluDropoutRule(),
        new SeluRegularizationRule(),
        new SeluMixedActivationsRule(),
        new AlphaDropoutWithoutSeluRule(),
        new ConstantKernelInitRule(),
        new HeWithSaturatingActivationRule(),
        new GlorotWithReluRule(),
        new MomentumTooHighRule(),
        new NesterovWithoutMomentumRule(),
        new HiddenSoftmaxRule(),
        new OutputMatchesLossRule(),
        new MonitoredMetricRule(),
        new McDropoutNeedsDropoutRule(),
        new OneCycleStepsRule(),
    ];

    public static IEnumerable<DslDiagnostic> Run(ExperimentSpec spec) => All.SelectMany(rule => rule.Check(spec)).ToList();
}
