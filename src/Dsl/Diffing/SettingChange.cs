using DeepDsl.Dsl.Diagnostics;

namespace DeepDsl.Dsl.Diffing;

/// <summary>One setting that differs between two resolved experiments: its key path, both values (null: absent) and where each came from.</summary>
public sealed record SettingChange(string Path, string? Old, string? New, SourceLocation? OldSource, SourceLocation? NewSource)
{
    public string Kind => Old is null ? "added" : New is null ? "removed" : "changed";

    public override string ToString() => $"{Path}: {Old ?? "(absent)"} → {New ?? "(absent)"}";
}
