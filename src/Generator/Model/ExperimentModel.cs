using DeepDsl.Dsl.Model;

namespace DeepDsl.Generator.Model;

/// <summary>
/// Everything the emitter writes for one experiment, with settings pre-rendered as C# expressions
/// by the parser stage (<see cref="Parsing.ExperimentModelBuilder"/>). No Roslyn symbols, no
/// locations: value equality is what lets an edit to one YAML file re-emit only that experiment.
/// </summary>
internal sealed record ExperimentModel(
    string Namespace,
    string TypePrefix,
    string SpecName,
    string Description,
    string SourcePath,
    string SpecHash,
    string ResolvedYaml,
    ulong Seed,
    EquatableArray<LayerModel> Layers,
    string OutputActivation,
    string OptimizerType,
    string OptimizerArguments,
    string? ScheduleExpression,
    string DataExpression,
    string TrainingExpression,
    string EvaluationExpression,
    string? PruningExpression,
    string LrFinderExpression,
    int BatchSize,
    int Epochs,
    string InputShape,
    EquatableArray<SummaryRowModel> Summary)
{
    public string ModelType => TypePrefix + "Model";

    public string ExperimentType => TypePrefix + "Experiment";
}
