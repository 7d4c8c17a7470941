using System.Collections.Generic;
using System.Linq;
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

    /// <summary>The keys of <see cref="DatasetDeclaration.ValidationSet"/> the spec sets: a validation set of its own files (empty: none).</summary>
    public IReadOnlyList<string> ValidationSetKeys => Declaration.ValidationSet.Where(key => Find(key) is not null).ToList();

    /// <summary>Whether training is scored on a validation set: data.validation's first examples, or one of its own files.</summary>
    public bool HasValidation => Validation > 0 || ValidationSetKeys.Count > 0;
}
