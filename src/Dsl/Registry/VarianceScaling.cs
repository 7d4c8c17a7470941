namespace DeepDsl.Dsl.Registry;

/// <summary>The variance an initializer gives the weights, by fan (what the initialization rules match on).</summary>
public enum VarianceScaling
{
    /// <summary>Not variance scaling: fixed values, a fixed spread, or an orthogonal matrix.</summary>
    None,

    /// <summary>2/fan_in: for ReLU-family activations.</summary>
    He,

    /// <summary>1/fan_in: what SELU needs.</summary>
    LeCun,

    /// <summary>2/(fan_in + fan_out): for saturating activations.</summary>
    Glorot,
}
