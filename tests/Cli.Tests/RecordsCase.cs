namespace DeepDsl.Cli.Tests;

/// <summary>One case's copy: its folder (the working directory), the plain run, the sweep folder, the completed trial's hash and every trial's.</summary>
public sealed record RecordsCase(string Root, string Run, string Sweep, string Hash, IReadOnlyList<string> Hashes)
{
    public string TrialRun => Path.Combine(Sweep, "trials", Hash);

    public string SweepJson => Path.Combine(Sweep, "sweep.json");

    public string AshaJson => Path.Combine(Sweep, "asha.json");
}
