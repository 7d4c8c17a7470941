namespace DeepDsl.Dsl.Registry;

/// <summary>How the shape of one example of a dataset is known before the data is read (what DDSL013 checks model.input against).</summary>
public enum ExampleLayout
{
    /// <summary>Only the files know it (npy), or the spec's model.input decides it (synthetic): checked when the data is loaded.</summary>
    Free,

    /// <summary>Always the declaration's <see cref="DatasetDeclaration.FixedShape"/> (CIFAR-10).</summary>
    Fixed,

    /// <summary>Images, channels first: [channels, height, width], the height and width from image_size when it is given.</summary>
    Images,

    /// <summary>A vector of features: [number of features], known when the feature columns are named.</summary>
    Features,
}
