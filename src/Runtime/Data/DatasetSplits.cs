using DeepDsl.Torch;

namespace DeepDsl.Data;

/// <summary>
/// A data set loaded as whole tensors on one device: features as float32 [N, …input shape], labels
/// as int64 [N]. Training batches are gathered from these by index on the device.
/// </summary>
public sealed record DatasetSplits(
    Tensor TrainX, Tensor TrainY, Tensor? ValidationX, Tensor? ValidationY, Tensor TestX, Tensor TestY,
    int Classes, long[] InputShape) : IDisposable
{
    public long TrainCount => TrainY.size(0);

    public long ValidationCount => ValidationY?.size(0) ?? 0;

    public void Dispose()
    {
        foreach (var tensor in new[] { TrainX, TrainY, ValidationX, ValidationY, TestX, TestY }) tensor?.Dispose();
    }
}
