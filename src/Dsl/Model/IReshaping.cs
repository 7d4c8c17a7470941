namespace DeepDsl.Dsl.Model;

/// <summary>
/// A layer that learns nothing and only rearranges or reduces each example (flatten, pooling): a SELU network may pass
/// through it and stay a plain sequence of kernel layers.
/// </summary>
public interface IReshaping;
