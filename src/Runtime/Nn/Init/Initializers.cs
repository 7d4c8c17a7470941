namespace DeepDsl.Nn.Init;

/// <summary>The one table from Keras initializer names to initializers.</summary>
public static class Initializers
{
    public static readonly Initializer HeNormal = new VarianceScaling(2.0, FanMode.FanIn, Distribution.TruncatedNormal);
    public static readonly Initializer HeUniform = new VarianceScaling(2.0, FanMode.FanIn, Distribution.Uniform);
    public static readonly Initializer LecunNormal = new VarianceScaling(1.0, FanMode.FanIn, Distribution.TruncatedNormal);
    public static readonly Initializer LecunUniform = new VarianceScaling(1.0, FanMode.FanIn, Distribution.Uniform);
    public static readonly Initializer GlorotNormal = new VarianceScaling(1.0, FanMode.FanAverage, Distribution.TruncatedNormal);
    public static readonly Initializer GlorotUniform = new VarianceScaling(1.0, FanMode.FanAverage, Distribution.Uniform);
    public static readonly Initializer Zeros = new Constant(0.0);
    public static readonly Initializer Ones = new Constant(1.0);

    private static readonly Dictionary<string, Initializer> ByName = new(StringComparer.Ordinal)
    {
        ["he_normal"] = HeNormal,
        ["he_uniform"] = HeUniform,
        ["lecun_normal"] = LecunNormal,
        ["lecun_uniform"] = LecunUniform,
        ["glorot_normal"] = GlorotNormal,
        ["glorot_uniform"] = GlorotUniform,
        ["orthogonal"] = new Orthogonal(),
        ["zeros"] = Zeros,
        ["ones"] = Ones,
    };

    /// <summary>The parameterless initializer with this Keras name (constant, normal and uniform take arguments: construct them).</summary>
    public static Initializer FromName(string name) =>
        ByName.TryGetValue(name, out var initializer)
            ? initializer
            : throw new ArgumentException($"unknown initializer '{name}'; known: {string.Join(", ", ByName.Keys)}", nameof(name));

    public static IReadOnlyCollection<string> Names => ByName.Keys;
}
