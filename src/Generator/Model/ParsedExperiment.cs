using DeepDsl.Dsl.Model;

namespace DeepDsl.Generator.Model;

/// <summary>One spec after the DSL ran: its model when it has no errors (else a stand-in when its name can be read), and its diagnostics.</summary>
internal sealed record ParsedExperiment(string Path, ExperimentModel? Model, EquatableArray<DiagnosticInfo> Diagnostics, bool HasErrors, StandIn? StandIn = null);
