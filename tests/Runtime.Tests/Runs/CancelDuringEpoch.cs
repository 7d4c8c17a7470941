using DeepDsl.Training;

namespace DeepDsl.Runtime.Tests.Runs;

/// <summary>Cancels the run at the second step of <c>epoch</c> (0-based), as Ctrl-C would mid-epoch: the run ends interrupted.</summary>
internal sealed class CancelDuringEpoch(CancellationTokenSource cancel, int epoch) : ITrainingCallback
{
    public void OnBatchEnd(TrainingState state, BatchProgress progress)
    {
        if (state.Epoch == epoch && progress.Step == 2) cancel.Cancel();
    }
}
