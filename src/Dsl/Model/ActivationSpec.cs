namespace DeepDsl.Dsl.Model;

/// <summary>An activation by Keras name (sigmoid for logistic), with its alpha where it has one (elu, leaky_relu, prelu).</summary>
public sealed record ActivationSpec(string Kind, double? Alpha = null)
{
    public bool IsReluFamily => Kind is "relu" or "leaky_relu" or "prelu" or "elu" or "gelu" or "swish";

    public bool IsSaturating => Kind is "sigmoid" or "tanh";
}
