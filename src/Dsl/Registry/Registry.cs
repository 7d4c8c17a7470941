using System.Collections.Generic;
using System.Linq;
using DeepDsl.Dsl.Schema;

namespace DeepDsl.Dsl.Registry;

/// <summary>
/// The declared kinds of one concept, looked up by name (as Keras 3's registries): a name no declaration claims is an
/// <see cref="UnknownKindException"/>, never a fallback kind.
/// </summary>
public sealed class Registry<T> where T : Declaration
{
    private readonly Dictionary<string, T> byName;

    public Registry(string concept, IReadOnlyList<T> all)
    {
        Concept = concept;
        All = all;
        byName = all.ToDictionary(d => d.Name, System.StringComparer.Ordinal);
    }

    /// <summary>"activation", "optimizer": the noun the schema and the messages use.</summary>
    public string Concept { get; }

    public IReadOnlyList<T> All { get; }

    /// <summary>The names a spec may write, aliases included.</summary>
    public IEnumerable<string> Names => All.Select(d => d.Name);

    /// <summary>The declaration of <paramref name="name"/>; <paramref name="asker"/> names the caller for the internal error.</summary>
    public T Get(string name, string asker) =>
        byName.TryGetValue(name, out var declaration)
            ? declaration.AliasOf is { } target ? Get(target, asker) : declaration
            : throw new UnknownKindException(Concept, name, asker);

    /// <summary>The schema's shape for a value of this concept: one variant per declaration.</summary>
    public VariantShape Shape() => new(Concept, All.Select(d => d.ToVariant()).ToList());
}
