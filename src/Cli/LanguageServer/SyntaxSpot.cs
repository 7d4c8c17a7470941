using DeepDsl.Dsl.Syntax;

namespace DeepDsl.Cli.LanguageServer;

/// <summary>
/// The scalar under the cursor in a document's YAML tree: the keys and list indexes that lead to it (its own key last
/// when it is a value), whether it is a key itself, and the mapping and list items around it.
/// </summary>
internal sealed record SyntaxSpot(IReadOnlyList<object> Path, YScalar Scalar, bool IsKey, IReadOnlyList<YNode> Ancestors)
{
    /// <summary>The spot at <paramref name="offset"/>, or null when no scalar is there (or the text does not parse).</summary>
    public static SyntaxSpot? At(YNode? root, int offset)
    {
        var path = new List<object>();
        var ancestors = new List<YNode>();
        return root is null ? null : Find(root, offset, path, ancestors);
    }

    private static SyntaxSpot? Find(YNode node, int offset, List<object> path, List<YNode> ancestors)
    {
        switch (node)
        {
            case YScalar scalar when Covers(scalar, offset):
                return new SyntaxSpot(path.ToList(), scalar, false, ancestors.ToList());
            case YMapping mapping:
                ancestors.Add(mapping);
                foreach (var (key, value) in mapping.Entries)
                {
                    path.Add(key.Text);
                    if (Covers(key, offset)) return new SyntaxSpot(path.ToList(), key, true, ancestors.ToList());
                    if (Find(value, offset, path, ancestors) is { } found) return found;
                    path.RemoveAt(path.Count - 1);
                }
                ancestors.RemoveAt(ancestors.Count - 1);
                return null;
            case YSequence sequence:
                ancestors.Add(sequence);
                for (var i = 0; i < sequence.Items.Count; i++)
                {
                    path.Add(i);
                    if (Find(sequence.Items[i], offset, path, ancestors) is { } found) return found;
                    path.RemoveAt(path.Count - 1);
                }
                ancestors.RemoveAt(ancestors.Count - 1);
                return null;
            default:
                return null;
        }
    }

    // The end counts: the cursor right after a word is still on it.
    private static bool Covers(YNode node, int offset) => node.Location.Start <= offset && offset <= node.Location.Start + node.Location.Length;
}
