using DeepDsl.Dsl.Diagnostics;

namespace DeepDsl.Dsl.Diffing;

/// <summary>
/// One setting that differs between two resolved experiments: its key path, both values (null: absent)
/// and where each came from. <paramref name="Layers"/> &gt; 1: the same change in that many layers (a
/// repeated block), whose first and last names the path shows.
/// </summary>
public sealed record SettingChange(string Path, string? Old, string? New, SourceLocation? OldSource, SourceLocation? NewSource, int Layers = 1)
{
    public string Kind => Old is null ? "added" : New is null ? "removed" : "changed";

    public override string ToString() => $"{Path}: {Old ?? "(absent)"} → {New ?? "(absent)"}" + (Layers > 1 ? $"  (in {Layers} layers)" : "");
}
