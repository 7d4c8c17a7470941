namespace DeepDsl.Runs;

/// <summary>One run found under a runs folder: its experiment (folder), its id (timestamp-spechash), its folder.</summary>
public sealed record RunEntry(string Experiment, string Id, RunDirectory Run)
{
    /// <summary>experiment/id: how lists name a run, and a reference <see cref="RunCatalog.Find"/> accepts.</summary>
    public string Name => $"{Experiment}/{Id}";
}
