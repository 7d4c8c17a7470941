using System.Collections.Generic;
using System.Linq;
using DeepDsl.Dsl.Diagnostics;
using DeepDsl.Dsl.Model;

namespace DeepDsl.Dsl;

/// <summary>What compiling a spec gives: the spec when it has no errors, every diagnostic, and its `extends` chain (itself first, then the bases it took, nearest first).</summary>
public sealed record SpecCompilation(ExperimentSpec? Spec, EquatableArray<DslDiagnostic> Diagnostics, EquatableArray<string> Files)
{
    public bool HasErrors => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);

    public IEnumerable<DslDiagnostic> Errors => Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error);

    /// <summary>The spec's `sweep:` section, when it has one and no errors.</summary>
    public Sweeps.SweepSpec? Sweep { get; init; }

    /// <summary>The sweep's valid trials, in order (empty without a sweep).</summary>
    public IReadOnlyList<Sweeps.SweepTrial> Trials { get; init; } = [];
}
