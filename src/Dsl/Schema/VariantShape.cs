using System.Collections.Generic;
using System.Linq;

namespace DeepDsl.Dsl.Schema;

/// <summary>
/// One of several named kinds, written `name` (when it needs no settings), `{name: {settings}}`, or
/// `{name: value}` for a kind with a shorthand field (`dropout: 0.2` is `dropout: {rate: 0.2}`).
/// </summary>
public sealed record VariantShape(string Name, IReadOnlyList<Variant> Variants) : Shape
{
    public override string Expected => $"{Article(Name)} {Name}: one of " + string.Join(", ", Variants.Where(v => v.AliasOf is null).Select(v => v.Name));

    // "an activation", "an initializer", "a layer": the variant names are plain English nouns, so the first letter decides.
    private static string Article(string noun) => noun.Length > 0 && "aeiou".IndexOf(char.ToLowerInvariant(noun[0])) >= 0 ? "an" : "a";

    public Variant? Find(string name) => Variants.FirstOrDefault(v => v.Name == name);
}
