using DeepDsl.Dsl.Diagnostics;

namespace DeepDsl.Dsl.Syntax;

/// <summary>A YAML node with the file and span it came from; trees merged by `extends` keep each node's own origin.</summary>
public abstract class YNode
{
    protected YNode(SourceLocation location) => Location = location;

    public SourceLocation Location { get; }

    /// <summary>Nodes in this subtree with aliases expanded (for the expansion bound).</summary>
    public abstract long ExpandedSize { get; }

    public abstract string KindName { get; }
}
