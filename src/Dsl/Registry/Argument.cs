using DeepDsl.Dsl.Schema;

namespace DeepDsl.Dsl.Registry;

/// <summary>
/// One argument of a declared kind: the schema field (key, type, default, doc) and <paramref name="RuntimeName"/>, the
/// name of the runtime constructor parameter or property that receives it (null when the runtime takes it elsewhere,
/// as gradient clipping).
/// </summary>
public sealed record Argument(Field Field, string? RuntimeName)
{
    public string Key => Field.Key;

    public object? Default => Field.Default;

    /// <summary>Whether the argument names (part of) a validation set of its own files: see <see cref="DatasetDeclaration.ValidationSet"/>.</summary>
    public bool NamesValidationSet { get; init; }
}
