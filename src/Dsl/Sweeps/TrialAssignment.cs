namespace DeepDsl.Dsl.Sweeps;

/// <summary>One setting a trial changes: the parameter's path and the value it takes there (canonical flow YAML).</summary>
public sealed record TrialAssignment(string Path, SweepValue Value)
{
    public override string ToString() => $"{Path} = {Value.Yaml}";
}
