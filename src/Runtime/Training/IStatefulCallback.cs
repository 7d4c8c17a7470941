namespace DeepDsl.Training;

/// <summary>
/// A callback whose state a run's last checkpoint keeps, so that a resumed run goes on as the uninterrupted one would
/// (Lightning's <c>state_dict</c>/<c>load_state_dict</c>). The state is a few named numbers, stored under
/// <see cref="StateKey"/>; a resumed run checks it with <see cref="StateProblem"/> before <see cref="LoadState"/> takes it.
/// </summary>
public interface IStatefulCallback : ITrainingCallback
{
    /// <summary>The stable name the checkpoint keeps this callback's state under (snake_case, as the records).</summary>
    string StateKey { get; }

    /// <summary>The state to save with the checkpoint written after the epoch that just ended.</summary>
    IReadOnlyDictionary<string, double> SaveState();

    /// <summary>What makes a saved state unusable (a crafted or damaged checkpoint), or null; <see cref="StateCheck"/> has the usual checks.</summary>
    string? StateProblem(IReadOnlyDictionary<string, double> state, int epochsDone);

    /// <summary>Takes back a state that <see cref="StateProblem"/> found sound, before training resumes.</summary>
    void LoadState(IReadOnlyDictionary<string, double> state);
}
