using System.Diagnostics;
using DeepDsl.Experiments;
using DeepDsl.LearningRateSearch;
using DeepDsl.Plots;
using DeepDsl.Training;

namespace DeepDsl.Runs.LrFinds;

/// <summary>`deepdsl lr-find`'s work: the range test on an experiment (<see cref="LearningRateSweep"/>), recorded under the runs folder.</summary>
public static class LrFindRun
{
    /// <summary>Sweeps <paramref name="experiment"/>'s learning rate as <paramref name="settings"/> say, on <paramref name="device"/>, and records the sweep.</summary>
    public static (LrFinderResult Result, LrFindDirectory Record) Start(IExperiment experiment, LrFinderSettings settings, string device, string runsRoot, TextWriter log)
    {
        var started = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var result = LearningRateSweep.Run(experiment, settings, device, log);
        var summary = new LrFindSummary(experiment.Name, experiment.SpecHash, experiment.SourcePath, LrFindSummary.NameOf(settings.Method),
            settings.Start, settings.EndLr, settings.StopFactor, settings.Smoothing, result.Points.Count, result.StoppedEarly,
            new LrFindSuggestions(result.MinimumOverTen, result.Valley, result.Steepest, result.Minimum),
            DeviceSelection.Resolve(device).ToString(), experiment.Seed, RunVersions.Current(), started, clock.Elapsed.TotalSeconds);
        var steps = result.Points.Select((p, i) => new LrFindStep(i + 1, p.Lr, p.Loss, p.Smoothed)).ToList();
        return (result, LrFindDirectory.Create(runsRoot, summary, steps, experiment.ResolvedSpec, LearningRatePlot.Render(experiment.Name, result)));
    }
}
