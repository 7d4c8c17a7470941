using DeepDsl.Dsl.Diagnostics;
using DeepDsl.Dsl.Syntax;

namespace DeepDsl.Cli.LanguageServer;

/// <summary>
/// Where a node's text ends. The loader locates a mapping or a list by its start only, so the end of the last scalar
/// inside it (keys included) decides.
/// </summary>
internal static class NodeExtent
{
    public static SourceLocation LastScalar(YNode node) => node switch
    {
        YMapping { Entries.Count: > 0 } mapping => mapping.Entries.Select(e => Later(LastScalar(e.Key), LastScalar(e.Value))).Aggregate(Later),
        YSequence { Items.Count: > 0 } list => list.Items.Select(LastScalar).Aggregate(Later),
        _ => node.Location,
    };

    /// <summary>The offset just past the node's text.</summary>
    public static int EndOffset(YNode node)
    {
        var last = LastScalar(node);
        return Math.Max(last.Start + last.Length, node.Location.Start + node.Location.Length);
    }

    private static SourceLocation Later(SourceLocation a, SourceLocation b) => b.Start + b.Length > a.Start + a.Length ? b : a;
}
