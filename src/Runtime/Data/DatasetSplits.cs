using DeepDsl.Torch;

namespace DeepDsl.Data;

/// <summary>
/// A data set loaded as whole tensors on one device: features as float32 [N, …input shape], labels
/// as int64 [N]. Training batches are gathered from these by index on the device, and changed by
/// <see cref="Augmentation"/> when the spec asks for it.
/// </summary>
public sealed record DatasetSplits(
    Tensor TrainX, Tensor TrainY, Tensor? ValidationX, Tensor? ValidationY, Tensor TestX, Tensor TestY,
    int Classes, long[] InputShape) : IDisposable
{
    public long TrainCount => TrainY.size(0);

    public long ValidationCount => ValidationY?.size(0) ?? 0;

    /// <summary>Whether the data has a test set (image_folder and csv may have none: the test split is then empty).</summary>
    public bool HasTest { get; init; } = true;

    /// <summary>The per-channel statistics every split was normalized with (null: not normalized).</summary>
    public NormalizationStatistics? Normalization { get; init; }

    /// <summary>The random crops and flips of training batches (null: none).</summary>
    public BatchAugmentation? Augmentation { get; init; }

    /// <summary>Refuses data without a test set for a command that scores one (<paramref name="command"/>: its name).</summary>
    public void RequireTest(string command)
    {
        if (!HasTest) throw new DataException($"deepdsl {command} scores the test set, and the spec names none: set data.test.");
    }

    public void Dispose()
    {
        foreach (var tensor in new[] { TrainX, TrainY, ValidationX, ValidationY, TestX, TestY }) tensor?.Dispose();
    }
}
