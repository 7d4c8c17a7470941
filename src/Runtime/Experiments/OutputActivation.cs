namespace DeepDsl.Experiments;

/// <summary>The activation of a model's output layer, which the loss folds in for numerical stability.</summary>
public enum OutputActivation { Linear, Softmax, Sigmoid }
