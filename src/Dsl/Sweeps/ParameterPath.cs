using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;

namespace DeepDsl.Dsl.Sweeps;

/// <summary>
/// A key path into a spec: keys separated by dots (`training.optimizer.nadam.learning_rate`, `seed`); a list item by
/// index in brackets (`model.input[0]`); layers by name in brackets, with `*` and `?` as wildcards
/// (`model.layers[dense_3].units`, `model.layers[dense_*].activation`). After a layer, the path goes on in its settings.
/// </summary>
public sealed record ParameterPath(IReadOnlyList<ParameterPath.Segment> Segments)
{
    public abstract record Segment;

    public sealed record Key(string Name) : Segment;

    public sealed record Item(int Index) : Segment;

    public sealed record Layers(string Pattern) : Segment
    {
        public bool Matches(string name) =>
            Regex.IsMatch(name, "^" + Regex.Escape(Pattern).Replace("\\*", ".*").Replace("\\?", ".") + "$", RegexOptions.CultureInvariant, System.TimeSpan.FromSeconds(1));
    }

    /// <summary>What may stand in a path's brackets for layers: a name or a pattern with `*` and `?` (the language server completes it).</summary>
    public const string LayerPattern = @"[A-Za-z*?][A-Za-z0-9_.*?-]{0,99}";

    private static readonly Regex Part = new(@"\G(?:(?<key>[A-Za-z_][A-Za-z0-9_]*)|\[(?<index>[0-9]{1,6})\]|\[(?<layer>" + LayerPattern + @")\])(?<dot>\.)?",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture);

    /// <summary>The path, or null when <paramref name="text"/> is not one (the caller reports it).</summary>
    public static ParameterPath? Parse(string text)
    {
        if (text.Length == 0 || text.Length > 300) return null;
        var segments = new List<Segment>();
        var at = 0;
        var expectSegment = true;
        while (at < text.Length)
        {
            var match = Part.Match(text, at);
            if (!match.Success || match.Index != at) return null;
            var isKey = match.Groups["key"].Success;
            if (isKey && !expectSegment) return null; // a key needs a dot before it
            if (match.Groups["key"].Success) segments.Add(new Key(match.Groups["key"].Value));
            else if (match.Groups["index"].Success) segments.Add(new Item(int.Parse(match.Groups["index"].Value, CultureInfo.InvariantCulture)));
            else segments.Add(new Layers(match.Groups["layer"].Value));
            expectSegment = match.Groups["dot"].Success;
            at += match.Length;
        }
        return segments.Count > 0 && segments[0] is Key && !expectSegment ? new ParameterPath(segments) : null;
    }

    public override string ToString() => string.Concat(Segments.Select((s, i) => s switch
    {
        Key k => (i == 0 ? "" : ".") + k.Name,
        Item n => $"[{n.Index}]",
        Layers l => $"[{l.Pattern}]",
        _ => throw new System.InvalidOperationException($"internal error: ParameterPath cannot write a {s.GetType().Name}"),
    }));
}
