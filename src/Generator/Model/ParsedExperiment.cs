using DeepDsl.Dsl.Model;

namespace DeepDsl.Generator.Model;

/// <summary>One spec after the DSL ran: its model when it has no errors, and its diagnostics.</summary>
internal sealed record ParsedExperiment(string Path, ExperimentModel? Model, EquatableArray<DiagnosticInfo> Diagnostics, bool HasErrors);
