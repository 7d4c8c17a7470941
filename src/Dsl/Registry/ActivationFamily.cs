namespace DeepDsl.Dsl.Registry;

/// <summary>What the initialization and self-normalization rules need to know about an activation.</summary>
public enum ActivationFamily
{
    /// <summary>The identity: no activation.</summary>
    Linear,

    /// <summary>ReLU and its relatives: He initialization keeps their signal.</summary>
    Relu,

    /// <summary>sigmoid, tanh: they saturate; Glorot initialization fits them.</summary>
    Saturating,

    /// <summary>SELU: self-normalizing with LeCun-normal initialization and standardized inputs.</summary>
    SelfNormalizing,

    /// <summary>Softmax: a distribution over the units, for the output layer only.</summary>
    Distribution,
}
