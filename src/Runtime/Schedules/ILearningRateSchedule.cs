namespace DeepDsl.Schedules;

/// <summary>A learning-rate (and optionally momentum) schedule the trainer consults before every optimizer step.</summary>
public interface ILearningRateSchedule
{
    /// <summary>The learning rate for the given global optimizer step (0-based).</summary>
    double LearningRateAt(long step);

    /// <summary>The momentum for the step, for schedules that cycle it; null leaves the optimizer's momentum alone.</summary>
    double? MomentumAt(long step) => null;

    /// <summary>Called after each epoch's validation, for schedules that react to metrics (reduce_on_plateau).</summary>
    void OnEpochEnd(int epoch, IReadOnlyDictionary<string, double> metrics) { }

    /// <summary>The schedule's mutable state, saved with checkpoints so a resumed run continues it; empty for stateless schedules.</summary>
    IReadOnlyDictionary<string, double> State => new Dictionary<string, double>();

    void LoadState(IReadOnlyDictionary<string, double> state) { }

    /// <summary>The keys of <see cref="State"/> that are learning rates: a checkpoint must hold them finite and above 0.</summary>
    IReadOnlyList<string> RateKeys => [];

    /// <summary>The keys of <see cref="State"/> that count epochs: a checkpoint must hold them as whole numbers, at least 0.</summary>
    IReadOnlyList<string> CounterKeys => [];
}
