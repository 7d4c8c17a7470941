using DeepDsl.Sweeps;
using DeepDsl.Training;

namespace DeepDsl.Cli.Sweeps;

/// <summary>What a trial adds to its training loop: ASHA's rungs, when its sweep has early_terminate.</summary>
internal static class TrialCallbacks
{
    public static IReadOnlyList<ITrainingCallback> For(string? sweepFolder)
    {
        if (sweepFolder is null) return [];
        var folder = new SweepFolder(Path.GetFullPath(sweepFolder));
        var state = SweepState.Read(folder) ?? throw new DeepDsl.Runs.RunException($"{sweepFolder} is not a sweep folder (it has no sweep.json)");
        return state is { AshaMinEpochs: { } min, AshaReductionFactor: { } eta }
            ? [new AshaRungs(new AshaSettings(folder.RungFile, min, eta, state.Metric, state.Maximize))]
            : [];
    }
}
