using DeepDsl.Torch;

namespace DeepDsl.Data;

/// <summary>
/// A dataset as read from its files, on the CPU: training and test features [N, …example shape] and int64 labels [N],
/// before the validation split, the limits and scaling. <see cref="IsPixels"/>: 0–255 bytes that data.scale divides by 255.
/// </summary>
internal sealed record DataArrays(Tensor X, Tensor Y, Tensor TestX, Tensor TestY, int Classes, long[] InputShape, bool IsPixels)
{
    /// <summary>Whether the spec named a test set; without one, the test split is empty and no test score is computed.</summary>
    public bool HasTest { get; init; } = true;

    /// <summary>A validation set read from its own files (data.validation_dir, data.validation_file); null: split off the training data, or none.</summary>
    public Tensor? ValidationX { get; init; }

    public Tensor? ValidationY { get; init; }

    /// <summary>No examples, shaped as <paramref name="like"/>'s.</summary>
    public static Tensor Empty(Tensor like) => torch.zeros([0, .. like.shape[1..]], like.dtype);

    public static Tensor NoLabels() => torch.zeros([0], ScalarType.Int64);
}
