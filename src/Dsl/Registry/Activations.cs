using DeepDsl.Dsl.Schema;

namespace DeepDsl.Dsl.Registry;

/// <summary>Every activation of the language, declared once: the schema, the rules and the generator read this table.</summary>
public static class Activations
{
    private const string Module = "DeepDsl.Nn.Activations.";

    private static Argument Alpha(NumberShape shape, string doc, double value, string runtimeName) =>
        new(new Field("alpha", shape, doc, Default: value), runtimeName);

    public static readonly Registry<ActivationDeclaration> Registry = new("activation", [
        new("linear", "Identity (no activation).", ActivationFamily.Linear, Module + "Identity", null, []),
        new("relu", "max(0, x).", ActivationFamily.Relu, Module + "ReLU", "relu", []),
        new("leaky_relu", "max(x, αx).", ActivationFamily.Relu, Module + "LeakyReLU", "leaky_relu",
            [Alpha(new NumberShape(Min: 0), "Slope for x < 0 (Keras's LeakyReLU default).", 0.3, "negativeSlope")]),
        new("prelu", "Leaky ReLU with a learned slope, one per unit (PReLU).", ActivationFamily.Relu, Module + "PReLU", null,
            [Alpha(new NumberShape(Min: 0), "Initial slope.", 0.25, "init")]) { PerUnit = true },
        new("elu", "x for x > 0, α(eˣ − 1) otherwise.", ActivationFamily.Relu, Module + "ELU", "elu",
            [Alpha(new NumberShape(Min: 0, MinExclusive: true), "Saturation value for x → −∞.", 1.0, "alpha")]),
        new("selu", "Scaled ELU: self-normalizing with lecun_normal init and standardized inputs.", ActivationFamily.SelfNormalizing, Module + "SELU", "selu", []),
        new("gelu", "Gaussian error linear unit.", ActivationFamily.Relu, Module + "GELU", "gelu", []),
        new("swish", "x·sigmoid(x) (also called SiLU).", ActivationFamily.Relu, Module + "SiLU", "silu", []),
        new("mish", "x·tanh(softplus(x)) (Misra, 2019): smooth and ReLU-like.", ActivationFamily.Relu, Module + "Mish", null, []),
        new("tanh", "Hyperbolic tangent.", ActivationFamily.Saturating, Module + "Tanh", "tanh", []),
        new("sigmoid", "Logistic sigmoid.", ActivationFamily.Saturating, Module + "Sigmoid", "sigmoid", []) { OutputActivation = "Sigmoid" },
        new("logistic", "Another name for sigmoid.", ActivationFamily.Saturating, Module + "Sigmoid", "sigmoid", []) { AliasOf = "sigmoid" },
        new("softmax", "Softmax over the units: only for the output layer.", ActivationFamily.Distribution, Module + "Softmax", "softmax", [])
            { LastAxis = true, OutputActivation = "Softmax" },
    ]);

    /// <summary>The schema's shape for a value of this concept; one instance, so every key that takes one shares it.</summary>
    public static readonly VariantShape Shape = Registry.Shape();

    public static ActivationDeclaration Get(string name, string asker) => Registry.Get(name, asker);
}
