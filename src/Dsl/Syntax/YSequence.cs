using System.Collections.Generic;
using System.Linq;
using DeepDsl.Dsl.Diagnostics;

namespace DeepDsl.Dsl.Syntax;

/// <summary>A YAML sequence.</summary>
public sealed class YSequence : YNode
{
    public YSequence(IReadOnlyList<YNode> items, SourceLocation location) : base(location)
    {
        Items = items;
        ExpandedSize = 1 + items.Sum(i => i.ExpandedSize);
    }

    public IReadOnlyList<YNode> Items { get; }

    public override long ExpandedSize { get; }

    public override string KindName => "a list";
}
