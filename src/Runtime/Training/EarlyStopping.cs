using DeepDsl.Experiments;
using DeepDsl.Torch;

namespace DeepDsl.Training;

/// <summary>
/// Stops training when the monitored metric has not improved for <c>Patience</c> epochs, and with
/// RestoreBest puts back the best epoch's weights at the end (kept as a copy on the device).
/// </summary>
public sealed class EarlyStopping(EarlyStoppingSettings settings) : ITrainingCallback, IDisposable
{
    private readonly MetricMonitor monitor = new(settings.Monitor, settings.Mode, settings.MinDelta);
    private Dictionary<string, Tensor>? bestWeights;

    public EarlyStoppingSettings Settings { get; } = settings;

    /// <summary>Epochs since the last improvement.</summary>
    public int Wait { get; private set; }

    public MetricMonitor Monitor => monitor;

    public void OnEpochEnd(TrainingState state, EpochMetrics metrics)
    {
        if (monitor.Update(metrics))
        {
            Wait = 0;
            if (Settings.RestoreBest) Snapshot(state);
            return;
        }
        Wait++;
        if (Wait >= Settings.Patience)
            state.RequestStop(Runs.RunStatus.EarlyStopped,
                $"{Settings.Monitor} did not improve for {Settings.Patience} epochs; best {Settings.Monitor} = {monitor.Best:G6} at epoch {monitor.BestEpoch}");
    }

    public void OnTrainEnd(TrainingState state)
    {
        if (!Settings.RestoreBest || bestWeights is null) return;
        state.Model.load_state_dict(bestWeights);
    }

    /// <summary>Restores the counters of a resumed run, and the best weights (from its best checkpoint) to restore at the end.</summary>
    public void Restore(double best, int bestEpoch, int wait, IReadOnlyDictionary<string, Tensor>? weights)
    {
        monitor.Restore(best, bestEpoch);
        Wait = wait;
        if (weights is not null) bestWeights = Copy(weights);
    }

    private void Snapshot(TrainingState state)
    {
        DisposeSnapshot();
        bestWeights = Copy(state.Model.state_dict());
    }

    private static Dictionary<string, Tensor> Copy(IReadOnlyDictionary<string, Tensor> weights)
    {
        using var noGrad = torch.no_grad();
        return weights.ToDictionary(kv => kv.Key, kv => kv.Value.clone().DetachFromDisposeScope());
    }

    private void DisposeSnapshot()
    {
        if (bestWeights is null) return;
        foreach (var tensor in bestWeights.Values) tensor.Dispose();
        bestWeights = null;
    }

    public void Dispose() => DisposeSnapshot();
}
