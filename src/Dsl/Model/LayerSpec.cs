namespace DeepDsl.Dsl.Model;

/// <summary>
/// One layer after `repeat` expansion: its stable name, and <paramref name="Path"/>, the key path of
/// the YAML that declared it (inside a repeat: the template's), for locating diagnostics.
/// </summary>
public abstract record LayerSpec(string Name, string Path)
{
    public abstract string Kind { get; }
}
