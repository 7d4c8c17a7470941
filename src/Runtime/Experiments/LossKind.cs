namespace DeepDsl.Experiments;

/// <summary>The training loss, by its Keras name.</summary>
public enum LossKind { SparseCategoricalCrossentropy, CategoricalCrossentropy, BinaryCrossentropy, MeanSquaredError }
