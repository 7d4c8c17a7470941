using DeepDsl.Dsl.Registry;

namespace DeepDsl.Dsl.Model;

/// <summary>
/// The data section: the dataset by name with its declared arguments (<see cref="Datasets"/>; defaults filled in, paths as
/// written, relative to the spec), what every dataset shares, and the augmentation (null: none).
/// </summary>
public sealed record DataSpec(string Dataset, EquatableArray<Setting> Arguments, long Validation, bool Scale, bool Standardize, long? TrainSamples,
    long? TestSamples, AugmentSpec? Augment)
{
    public DatasetDeclaration Declaration => Datasets.Get(Dataset, nameof(DataSpec));

    /// <summary>The classes the spec knows of (fixed by the dataset, or its classes argument), 0 when only the data knows (image_folder).</summary>
    public long Classes => Declaration.Classes ?? (Settings.Find(Arguments, "classes") is long classes ? classes : 0);

    public object? Find(string key) => Settings.Find(Arguments, key);
}
