namespace DeepDsl.Experiments;

/// <summary>
/// A validation set read from files of its own instead of split off the training data: <paramref name="Key"/>, the spec's
/// key naming it (data.validation_dir, data.validation_file, data.x_validation), and <paramref name="Path"/>, the file or
/// folder that key names (for npy, the features').
/// </summary>
public sealed record SeparateValidationSet(string Key, string Path)
{
    /// <summary>As a data error names it, file first as every data error does: "pets/validation (data.validation_dir)".</summary>
    public override string ToString() => $"{Path} ({Key})";
}
