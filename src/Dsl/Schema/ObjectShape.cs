using System.Collections.Generic;
using System.Linq;

namespace DeepDsl.Dsl.Schema;

/// <summary>
/// A mapping with known keys; any other key is an error. A <paramref name="Selector"/> names the key
/// whose value decides which other keys apply (data.dataset: npy takes x_train, cifar10 does not).
/// </summary>
public sealed record ObjectShape(string Name, IReadOnlyList<Field> Fields, string? Selector = null) : Shape
{
    public override string Expected => $"a mapping of {Name} settings";

    public Field? Find(string key)
    {
        // A loop, not LINQ: the binder and the formatter ask this for every key of every spec.
        for (var i = 0; i < Fields.Count; i++)
            if (Fields[i].Key == key || Fields[i].Alias == key) return Fields[i];
        return null;
    }

    public IEnumerable<string> Keys => Fields.Select(f => f.Key);
}
