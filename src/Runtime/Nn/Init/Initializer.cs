using DeepDsl.Torch;

namespace DeepDsl.Nn.Init;

/// <summary>Fills a weight tensor in place, as a Keras initializer does (the values are drawn from libtorch's seeded generator).</summary>
public abstract record Initializer
{
    public abstract void Initialize(Tensor weight);
}
