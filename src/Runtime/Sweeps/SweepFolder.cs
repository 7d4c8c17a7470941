using DeepDsl.Dsl.Model;
using DeepDsl.IO;
using DeepDsl.Runs;

namespace DeepDsl.Sweeps;

/// <summary>
/// Where a sweep lives: &lt;runs&gt;/&lt;sweep name&gt;/sweep/, holding sweep.json (the state), sweep.lock, each trial's resolved
/// spec (trials/&lt;hash&gt;.yaml) and run folder (trials/&lt;hash&gt;/), the trials' logs, the ASHA rungs, the Slurm script and the report.
/// A trial's files are named by its spec hash, so a re-run, or an edited sweep, finds the trials it already has.
/// </summary>
public sealed record SweepFolder(string Path)
{
    public const string LockFile = "sweep.lock";

    public static SweepFolder For(string runsRoot, string sweepName) => new(System.IO.Path.GetFullPath(System.IO.Path.Combine(runsRoot, sweepName, "sweep")));

    /// <summary>The folder as one DeepDsl owns: every file in it is written, never through a link (a sweep folder may have been sent by someone).</summary>
    public OwnedFolder Owned => new(Path);

    public string StateFile => System.IO.Path.Combine(Path, "sweep.json");

    public string RungFile => System.IO.Path.Combine(Path, "asha.json");

    public string Trials => System.IO.Path.Combine(Path, "trials");

    public string Logs => System.IO.Path.Combine(Path, "logs");

    public string Slurm => System.IO.Path.Combine(Path, "slurm");

    public string Report => System.IO.Path.Combine(Path, "report");

    /// <summary>Start markers: started/&lt;hash&gt; says an attempt of that trial began and has not been counted yet (<see cref="SweepSession"/>).</summary>
    public string Started => System.IO.Path.Combine(Path, "started");

    public string TrialStarted(string hash) => Inside(System.IO.Path.Combine(Started, Checked(hash)));

    public string TrialSpec(string hash) => Inside(System.IO.Path.Combine(Trials, Checked(hash) + ".yaml"));

    public string TrialRun(string hash) => Inside(System.IO.Path.Combine(Trials, Checked(hash)));

    public string TrialLog(string hash) => Inside(System.IO.Path.Combine(Logs, Checked(hash) + ".log"));

    // Hashes come from the compiler or through sweep.json's door, which accepts only the tool's own; anything else here is a bug.
    private static string Checked(string hash) =>
        SpecHash.IsWellFormed(hash) ? hash : throw new ArgumentException("not a spec hash; trial files are named only by the tool's own hashes", nameof(hash));

    // A shared sweep folder may hold symbolic links: a trial's spec, run or log is read and written only if it stays inside.
    private string Inside(string path) => PathGuard.IsInside(Path, path)
        ? path
        : throw new RunException($"{path} leads out of the sweep folder {Path} (a symbolic link); a sweep's files are read and written only inside it.");

    /// <summary>A folder given on the command line: the sweep folder itself, or the runs folder of a sweep's name.</summary>
    public static SweepFolder? Find(string pathOrName, string runsRoot)
    {
        foreach (var candidate in new[] { pathOrName, System.IO.Path.Combine(pathOrName, "sweep"), System.IO.Path.Combine(runsRoot, pathOrName, "sweep") })
            if (File.Exists(System.IO.Path.Combine(candidate, "sweep.json"))) return new SweepFolder(System.IO.Path.GetFullPath(candidate));
        return null;
    }
}
