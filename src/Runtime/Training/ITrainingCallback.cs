namespace DeepDsl.Training;

/// <summary>Hooks into the training loop (Keras callbacks); every method is optional.</summary>
public interface ITrainingCallback
{
    void OnTrainBegin(TrainingState state) { }

    void OnBatchEnd(TrainingState state, BatchProgress progress) { }

    /// <summary>After validation; call <see cref="TrainingState.RequestStop"/> to end the run.</summary>
    void OnEpochEnd(TrainingState state, EpochMetrics metrics) { }

    void OnTrainEnd(TrainingState state) { }
}
