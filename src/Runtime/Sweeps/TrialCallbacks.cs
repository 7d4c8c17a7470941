using DeepDsl.Training;

namespace DeepDsl.Sweeps;

/// <summary>What a trial adds to its training loop: ASHA's rungs, when its sweep has early_terminate.</summary>
public static class TrialCallbacks
{
    public static IReadOnlyList<ITrainingCallback> For(string? sweepFolder)
    {
        if (sweepFolder is null) return [];
        var folder = new SweepFolder(Path.GetFullPath(sweepFolder));
        var state = SweepState.Read(folder) ?? throw new DeepDsl.Runs.RunException($"{sweepFolder} is not a sweep folder (it has no sweep.json)");
        if (state is not { AshaMinEpochs: { } min, AshaReductionFactor: { } eta }) return [];
        AshaRungs.Read(folder.RungFile); // a damaged rung record stops the trial now, not after its first rung's epochs
        return [new AshaRungs(new AshaSettings(folder.RungFile, min, eta, state.Metric, state.Maximize))];
    }
}
