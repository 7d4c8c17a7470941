using System.Diagnostics;
using DeepDsl.Experiments;
using DeepDsl.LearningRateSearch;
using DeepDsl.Plots;
using DeepDsl.Training;

namespace DeepDsl.Runs.LrFinds;

/// <summary>`deepdsl lr-find`'s work: the range test on an experiment (<see cref="LearningRateSweep"/>), recorded under the runs folder.</summary>
public static class LrFindRun
{
    /// <summary>
    /// Sweeps <paramref name="experiment"/>'s learning rate as <paramref name="settings"/> say, on <paramref name="device"/>, and
    /// records the sweep. The record's folder is made before the sweep (<see cref="LrFindDirectory"/>),
    /// and <paramref name="found"/> is given the result before it is written, so its suggestions are shown even if writing fails.
    /// </summary>
    public static (LrFinderResult Result, LrFindDirectory Record) Start(IExperiment experiment, LrFinderSettings settings, string device, string runsRoot,
        TextWriter log, Action<LrFinderResult> found)
    {
        var started = DateTimeOffset.UtcNow;
        // Once: the sweep runs on it and the record names it.
        var target = DeviceSelection.Resolve(device);
        LrFinderResult? result = null;
        var record = LrFindDirectory.Create(runsRoot, experiment.Name, experiment.SpecHash, started, () =>
        {
            var clock = Stopwatch.StartNew();
            var swept = result = LearningRateSweep.Run(experiment, settings, target, log);
            found(swept);
            var summary = new LrFindSummary(experiment.Name, experiment.SpecHash, experiment.SourcePath, LrFindSummary.NameOf(settings.Method),
                settings.Start, settings.EndLr, settings.StopFactor, settings.Smoothing, swept.Points.Count, swept.StoppedEarly,
                new LrFindSuggestions(swept.MinimumOverTen, swept.Valley, swept.Steepest, swept.Minimum),
                target.ToString(), experiment.Seed, RunVersions.Current(), started, clock.Elapsed.TotalSeconds);
            var steps = swept.Points.Select((p, i) => new LrFindStep(i + 1, p.Lr, p.Loss, p.Smoothed)).ToList();
            return (summary, steps, experiment.ResolvedSpec, LearningRatePlot.Render(experiment.Name, swept));
        });
        return (result!, record);
    }
}
