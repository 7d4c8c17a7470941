using DeepDsl.Dsl.Binding;

namespace DeepDsl.Dsl.Model;

/// <summary>A bound layer's settings (every default explicit) as its declaration's builder reads them.</summary>
public sealed class LayerSettings
{
    private readonly BObject settings;

    internal LayerSettings(string name, string path, BObject settings)
    {
        Name = name;
        Path = path;
        this.settings = settings;
    }

    public string Name { get; }

    /// <summary>The key path of the YAML that declared the layer.</summary>
    public string Path { get; }

    public long Int(string key) => settings.Int(key);

    public long? IntOrNull(string key) => settings.IntOrNull(key);

    public double Number(string key) => settings.Number(key);

    public double? NumberOrNull(string key) => settings.NumberOrNull(key);

    public Shapes.Size2d Pair(string key) => settings.Pair(key);

    public Shapes.Size2d? PairOrNull(string key) => settings.PairOrNull(key);

    public bool Bool(string key) => settings.Bool(key);

    public string String(string key) => settings.String(key);

    public ActivationSpec Activation(string key) => SpecBuilder.Activation((BVariant)settings[key]);

    public InitializerSpec Initializer(string key) => SpecBuilder.Initializer((BVariant)settings[key]);
}
