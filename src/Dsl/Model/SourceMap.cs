using System.Collections.Generic;
using System.Linq;
using DeepDsl.Dsl.Binding;
using DeepDsl.Dsl.Diagnostics;

namespace DeepDsl.Dsl.Model;

/// <summary>Where each value of a spec came from, by key path (e.g. model.layers[1].repeat.layers[0].dense.kernel_init).</summary>
public sealed class SourceMap
{
    public static readonly SourceMap Empty = new SourceMap(new Dictionary<string, SourceLocation>());

    private readonly IReadOnlyDictionary<string, SourceLocation> locations;

    private SourceMap(IReadOnlyDictionary<string, SourceLocation> locations) => this.locations = locations;

    public static SourceMap Of(BValue root)
    {
        var map = new Dictionary<string, SourceLocation>();
        void Walk(BValue value)
        {
            map[value.Path] = value.Location;
            switch (value)
            {
                case BObject obj: foreach (var f in obj.Fields) Walk(f.Value); break;
                case BList list: foreach (var i in list.Items) Walk(i); break;
                case BVariant variant: Walk(variant.Settings); break;
            }
        }
        Walk(root);
        return new SourceMap(map);
    }

    /// <summary>The location of the path, or of its nearest ancestor that has one.</summary>
    public SourceLocation this[string path]
    {
        get
        {
            for (var p = path; ; p = Parent(p))
            {
                if (locations.TryGetValue(p, out var location)) return location;
                if (p.Length == 0) return locations.Values.First();
            }
        }
    }

    /// <summary>Whether <paramref name="location"/> is where the value at <paramref name="path"/>, or one below it, came from.</summary>
    public bool Holds(string path, SourceLocation location) =>
        locations.Any(l => l.Value == location && (l.Key == path || l.Key.StartsWith(path + ".", System.StringComparison.Ordinal) || l.Key.StartsWith(path + "[", System.StringComparison.Ordinal)));

    public IEnumerable<string> Files => locations.Values.Select(l => l.File).Distinct();

    private static string Parent(string path)
    {
        var cut = System.Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
        return cut <= 0 ? "" : path.Substring(0, cut);
    }
}
