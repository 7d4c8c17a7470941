using System.Linq;
using DeepDsl.Dsl.Schema;

namespace DeepDsl.Dsl.Registry;

/// <summary>Every initializer of the language, declared once (Keras names and defaults).</summary>
public static class Initializers
{
    private const string Init = "DeepDsl.Nn.Init.";

    private static InitializerDeclaration Scaled(string name, string doc, VarianceScaling scaling, InitializerDistribution distribution, string runtime) =>
        new(name, doc, Init + "Initializers." + runtime, []) { Scaling = scaling, Distribution = distribution };

    private static Argument Number(string key, NumberShape shape, string doc, double value, string runtimeName) =>
        new(new Field(key, shape, doc, Default: value), runtimeName);

    public static readonly Registry<InitializerDeclaration> Registry = new("initializer", [
        Scaled("he_normal", "Truncated normal, variance 2/fan_in (Keras).", VarianceScaling.He, InitializerDistribution.TruncatedNormal, "HeNormal"),
        Scaled("he_uniform", "Uniform, variance 2/fan_in.", VarianceScaling.He, InitializerDistribution.Uniform, "HeUniform"),
        Scaled("lecun_normal", "Truncated normal, variance 1/fan_in: what SELU needs.", VarianceScaling.LeCun, InitializerDistribution.TruncatedNormal, "LecunNormal"),
        Scaled("lecun_uniform", "Uniform, variance 1/fan_in.", VarianceScaling.LeCun, InitializerDistribution.Uniform, "LecunUniform"),
        Scaled("glorot_normal", "Truncated normal, variance 2/(fan_in + fan_out).", VarianceScaling.Glorot, InitializerDistribution.TruncatedNormal, "GlorotNormal"),
        Scaled("glorot_uniform", "Uniform, variance 2/(fan_in + fan_out) — Keras's default.", VarianceScaling.Glorot, InitializerDistribution.Uniform, "GlorotUniform"),
        new("orthogonal", "A random orthogonal matrix.", Init + "Orthogonal",
            [Number("gain", new NumberShape(Min: 0, MinExclusive: true), "Multiplier.", 1.0, "Gain")]),
        new("zeros", "All zeros (biases).", Init + "Initializers.Zeros", []) { SameValue = true },
        new("ones", "All ones.", Init + "Initializers.Ones", []) { SameValue = true },
        new("constant", "Every value the same.", Init + "Constant",
            [new Argument(new Field("value", new NumberShape(), "The value.", Required: true), "Value")]) { SameValue = true, AllowBare = false, Shorthand = "value" },
        new("normal", "Normal, not truncated (Keras's RandomNormal).", Init + "RandomNormal",
            [Number("mean", new NumberShape(), "Mean.", 0.0, "Mean"), Number("stddev", new NumberShape(Min: 0), "Standard deviation.", 0.05, "Stddev")]),
        new("uniform", "Uniform in [minval, maxval) (Keras's RandomUniform).", Init + "RandomUniform",
            [Number("minval", new NumberShape(), "Lower bound.", -0.05, "Minval"), Number("maxval", new NumberShape(), "Upper bound.", 0.05, "Maxval")]),
    ]);

    /// <summary>The schema's shape for a value of this concept; one instance, so every key that takes one shares it.</summary>
    public static readonly VariantShape Shape = Registry.Shape();

    public static InitializerDeclaration Get(string name, string asker) => Registry.Get(name, asker);

    /// <summary>The initializer with <paramref name="scaling"/> that draws as <paramref name="like"/> does (glorot_uniform → he_uniform).</summary>
    public static InitializerDeclaration Counterpart(InitializerDeclaration like, VarianceScaling scaling) =>
        Registry.All.First(d => d.Scaling == scaling && d.Distribution == like.Distribution);
}
