namespace DeepDsl.Dsl.Registry;

/// <summary>A value a dataset's runtime source takes from outside the data section, after its declared arguments.</summary>
public enum DatasetContext
{
    /// <summary>model.input, as a long[]: the shape of the examples to make.</summary>
    InputShape,

    /// <summary>The experiment's seed, as a ulong.</summary>
    Seed,
}
