using DeepDsl.Data;
using DeepDsl.Torch;

namespace DeepDsl.Experiments;

/// <summary>
/// Where an experiment's examples come from: one record per dataset the language declares (src/Dsl/Registry/Datasets.cs),
/// constructed by generated code with the declared arguments in declared order. Each reads its own files.
/// </summary>
public abstract record DatasetSource
{
    /// <summary>The whole training and test data as CPU tensors, before the validation split, limits and scaling.</summary>
    internal abstract DataArrays Read(DataSettings settings, TextWriter log);

    /// <summary>The validation set of the source's own files, as the spec names it; null: none (data.validation splits one off, or there is none).</summary>
    public virtual SeparateValidationSet? SeparateValidation => null;
}

/// <summary>CIFAR-10 in its official binary format; <paramref name="Path"/> is looked in first.</summary>
public sealed record Cifar10Source(string? Path = null) : DatasetSource
{
    internal override DataArrays Read(DataSettings settings, TextWriter log)
    {
        var location = Cifar10Dataset.Locate(Path, log);
        int? needed = settings.TrainSamples is { } n ? settings.Validation + n : null;
        var (x, y) = Cifar10Dataset.ReadTraining(location, needed is { } k ? Math.Min(k, 50_000) : null);
        var (testX, testY) = Cifar10Dataset.ReadTest(location, settings.TestSamples);
        return new DataArrays(x, y, testX, testY, Cifar10Dataset.Classes, Cifar10Dataset.InputShape, IsPixels: true);
    }
}

/// <summary>
/// NumPy arrays: features (float32/float64/uint8) and integer labels for training and test, and for validation when
/// <paramref name="ValidationX"/> and <paramref name="ValidationY"/> are given (instead of the first training examples).
/// </summary>
public sealed record NpySource(int Classes, string TrainX, string TrainY, string TestX, string TestY, string? ValidationX = null, string? ValidationY = null) : DatasetSource
{
    public override SeparateValidationSet? SeparateValidation => ValidationX is null ? null : new("data.x_validation", ValidationX);

    internal override DataArrays Read(DataSettings settings, TextWriter log)
    {
        if ((ValidationX is null) != (ValidationY is null))
            throw new DataException("data.x_validation and data.y_validation go together: give both files of the validation set, or neither.");
        var (x, y, testX, testY) = (NpyFile.Read(TrainX), NpyFile.Read(TrainY), NpyFile.Read(TestX), NpyFile.Read(TestY));
        NpyFile.CheckLabels(TrainY, y, x, Classes);
        NpyFile.CheckLabels(TestY, testY, testX, Classes);
        Tensor? validationX = null, validationY = null;
        if (ValidationX is not null)
        {
            (validationX, validationY) = (NpyFile.Read(ValidationX), NpyFile.Read(ValidationY!));
            NpyFile.CheckLabels(ValidationY!, validationY, validationX, Classes);
        }
        return new DataArrays(x, y.to(Torch.ScalarType.Int64), testX, testY.to(Torch.ScalarType.Int64), Classes, x.shape[1..], x.dtype == Torch.ScalarType.Byte)
            { ValidationX = validationX, ValidationY = validationY?.to(Torch.ScalarType.Int64) };
    }
}

/// <summary>Seeded Gaussian clusters, one per class: learnable, and needs no files (for tests and demos).</summary>
public sealed record SyntheticSource(int Classes, int Samples, double Noise, long[] InputShape, ulong Seed) : DatasetSource
{
    /// <summary>Test examples: a fifth of the training examples (at least one) unless set.</summary>
    public int TestSamples { get; init; } = Math.Max(1, Samples / 5);

    internal override DataArrays Read(DataSettings settings, TextWriter log)
    {
        var (x, y, testX, testY) = SyntheticDataset.Generate(this);
        return new DataArrays(x, y, testX, testY, Classes, InputShape, IsPixels: false);
    }
}
