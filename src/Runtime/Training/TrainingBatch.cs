using DeepDsl.Torch;

namespace DeepDsl.Training;

/// <summary>One step's examples and labels, owned by whoever holds the batch (made outside any dispose scope).</summary>
internal sealed record TrainingBatch(Tensor X, Tensor Y) : IDisposable
{
    public void Dispose()
    {
        X.Dispose();
        Y.Dispose();
    }
}
