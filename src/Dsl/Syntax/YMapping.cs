using System.Collections.Generic;
using System.Linq;
using DeepDsl.Dsl.Diagnostics;

namespace DeepDsl.Dsl.Syntax;

/// <summary>A YAML mapping whose keys are scalars, in file order (duplicates were reported and dropped).</summary>
public sealed class YMapping : YNode
{
    public YMapping(IReadOnlyList<KeyValuePair<YScalar, YNode>> entries, SourceLocation location) : base(location)
    {
        Entries = entries;
        ExpandedSize = 1 + entries.Sum(e => 1 + e.Value.ExpandedSize);
    }

    public IReadOnlyList<KeyValuePair<YScalar, YNode>> Entries { get; }

    public override long ExpandedSize { get; }

    public override string KindName => "a mapping";

    public YNode? this[string key] => Entries.FirstOrDefault(e => e.Key.Text == key).Value;

    public YScalar? KeyNode(string key) => Entries.FirstOrDefault(e => e.Key.Text == key).Key;
}
