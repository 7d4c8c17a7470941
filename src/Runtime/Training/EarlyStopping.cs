using DeepDsl.Experiments;
using DeepDsl.Torch;

namespace DeepDsl.Training;

/// <summary>
/// Stops training when the monitored metric has not improved for <c>Patience</c> epochs, and with
/// RestoreBest puts back the best epoch's weights at the end (kept as a copy on the device).
/// </summary>
public sealed class EarlyStopping(EarlyStoppingSettings settings) : IStatefulCallback, IDisposable
{
    private readonly MetricMonitor monitor = new(settings.Monitor ?? throw new ArgumentException(
        "early stopping needs the metric it watches: a run resolves a null monitor from its data before it starts", nameof(settings)), settings.Mode, settings.MinDelta);
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
            state.RequestStop(TrainingStatus.EarlyStopped,
                $"{Settings.Monitor} did not improve for {Settings.Patience} epochs; best {Settings.Monitor} = {monitor.Best:G6} at epoch {monitor.BestEpoch}");
    }

    public void OnTrainEnd(TrainingState state)
    {
        if (!Settings.RestoreBest || bestWeights is null) return;
        state.Model.load_state_dict(bestWeights);
    }

    /// <summary>The key of its state in the last checkpoint.</summary>
    public const string Key = "early_stopping";

    public string StateKey => Key;

    public IReadOnlyDictionary<string, double> SaveState() => new Dictionary<string, double>
    {
        ["best"] = monitor.Best, ["best_epoch"] = monitor.BestEpoch, ["wait"] = Wait,
    };

    public string? StateProblem(IReadOnlyDictionary<string, double> state, int epochsDone) => StateCheck.First(
        StateCheck.Whole(state, "best_epoch", -1, epochsDone),
        StateCheck.Whole(state, "wait", 0, epochsDone),
        StateCheck.Present(state, "best"));

    /// <summary>Restores the counters of a resumed run; its best weights come from the best checkpoint (<see cref="RestoreBestWeights"/>).</summary>
    public void LoadState(IReadOnlyDictionary<string, double> state)
    {
        monitor.Restore(state["best"], (int)state["best_epoch"]);
        Wait = (int)state["wait"];
    }

    /// <summary>The best epoch's weights of a resumed run (from its best checkpoint), to restore at the end.</summary>
    public void RestoreBestWeights(IReadOnlyDictionary<string, Tensor> weights)
    {
        DisposeSnapshot();
        bestWeights = Copy(weights);
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
