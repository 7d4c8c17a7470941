using System.Globalization;
using DeepDsl.Cli.Generation;
using DeepDsl.Sweeps;

namespace DeepDsl.Cli.Sweeps;

/// <summary>Compiles the trials about to run, here, in one process: each trial process then starts from the compile cache (Roslyn is the CLI's, not the runtime's).</summary>
internal static class TrialPrecompilation
{
    public static void Run(SweepSession session, TextWriter output)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var trials = session.Runnable();
        foreach (var trial in trials) GeneratedExperiment.Precompile(session.Folder.TrialSpec(trial.Hash), trial.Hash);
        if (trials.Count > 0) output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Compiled {trials.Count} trials in {clock.Elapsed.TotalSeconds:F1} s"));
    }
}
