using System.Text.RegularExpressions;

namespace DeepDsl.Cli.LanguageServer;

/// <summary>
/// Where the cursor is, read from the text around it (a spec being typed rarely parses): the keys and list items that
/// lead to the mapping it is in (<paramref name="Owner"/>, as <see cref="SchemaSpot"/> follows them), the key whose value
/// is being typed, if any, whether the line starts a list item, and the keys already written beside the cursor, with
/// their values as written.
/// </summary>
internal sealed partial record CursorContext(IReadOnlyList<object> Owner, string? ValueOf, bool ListItem, IReadOnlyDictionary<string, string> Siblings)
{
    public static CursorContext? At(string text, int offset)
    {
        var lineStart = offset == 0 ? 0 : text.LastIndexOf('\n', offset - 1) + 1;
        var lineEnd = text.IndexOf('\n', offset);
        var line = text[lineStart..(lineEnd < 0 ? text.Length : lineEnd)].TrimEnd('\r');
        var prefix = text[lineStart..offset];
        if (prefix.Contains('#') || prefix.Contains('"') || prefix.Contains('\'')) return null; // in a comment or a quoted string

        var indent = prefix.Length - prefix.TrimStart(' ').Length;
        var rest = prefix[indent..];
        var inline = new List<object>();
        var dashes = 0;
        while (rest.StartsWith("- ", StringComparison.Ordinal) || rest == "-")
        {
            inline.Add(0);
            dashes++;
            rest = rest.Length > 1 ? rest[2..] : "";
        }
        var keyColumn = indent + 2 * dashes;

        // Flow collections on this line: `- dense: { units: 10, activation: ` opens dense's settings.
        var opened = new Stack<int>();
        string? lastKey = null;
        var word = new System.Text.StringBuilder(); // a builder: a line may be megabytes long, so no string grows by a character at a time
        int? flowStart = null;
        var valueDone = false; // `units: 10 |`: after a written value nothing is offered
        for (var i = 0; i < rest.Length; i++)
        {
            var c = rest[i];
            if (char.IsLetterOrDigit(c) || c is '_' or '.' or '-' or '+') word.Append(c);
            else if (c == ':') (lastKey, valueDone) = (word.ToString(), false);
            else if (c is '{' or '[')
            {
                var pushed = 0;
                if (lastKey is { Length: > 0 }) { inline.Add(lastKey); pushed++; }
                if (c == '[') { inline.Add(0); pushed++; }
                opened.Push(pushed);
                flowStart = lineStart + indent + 2 * dashes + i;
                (lastKey, valueDone) = (null, false);
            }
            else if (c is '}' or ']')
            {
                if (opened.Count == 0) return null;
                inline.RemoveRange(inline.Count - opened.Peek(), opened.Pop());
                (lastKey, valueDone) = (null, opened.Count == 0);
            }
            else if (c == ',') (lastKey, valueDone) = (null, false);
            else if (c != ' ') return null;
            else if (word.Length > 0 && lastKey is not null) valueDone = true;
            if (!(char.IsLetterOrDigit(c) || c is '_' or '.' or '-' or '+')) word.Clear();
        }
        if (valueDone) return null;
        // The key being valued is the last one written on the line and not opened as a mapping.
        var valueOf = lastKey is { Length: > 0 } ? lastKey : null;

        var siblings = opened.Count > 0
            ? FlowKeys(line[(flowStart!.Value - lineStart)..])
            : BlockKeys(text, lineStart, keyColumn);
        // A line that starts an item is one of its list's items: the list's key is above, at the dash's column or left of it.
        var parents = dashes > 0 ? BlockParents(text, lineStart, indent, inList: true) : BlockParents(text, lineStart, keyColumn, inList: false);
        return new CursorContext([.. parents, .. inline], valueOf, dashes > 0 && opened.Count == 0 && lastKey is null, siblings);
    }

    /// <summary>The keys of the block mappings above the line that hold a key at <paramref name="column"/> (or, <paramref name="inList"/>, an item of a list there), outermost first.</summary>
    private static List<object> BlockParents(string text, int lineStart, int column, bool inList)
    {
        var parents = new List<object>();
        var target = column;
        foreach (var (indent, dashes, content) in LinesAbove(text, lineStart))
        {
            if (target == 0 && !inList) break;
            var contentColumn = indent + 2 * dashes;
            if (dashes > 0)
            {
                if (indent >= target) continue; // another item, or deeper
                if (contentColumn < target && KeyOpening().Match(content) is { Success: true } opening) parents.Insert(0, opening.Groups[1].Value);
                for (var d = 0; d < dashes; d++) parents.Insert(0, 0);
                (target, inList) = (indent, true);
            }
            else if (indent < target || inList && indent == target)
            {
                if (KeyOf().Match(content) is not { Success: true } key) return parents; // not YAML we can follow
                parents.Insert(0, key.Groups[1].Value);
                (target, inList) = (indent, false);
            }
        }
        return parents;
    }

    /// <summary>The keys written at <paramref name="column"/> in the block mapping around the line, with their values' text.</summary>
    private static Dictionary<string, string> BlockKeys(string text, int lineStart, int column)
    {
        var keys = new Dictionary<string, string>(StringComparer.Ordinal);
        var lines = text.Split('\n');
        var current = text[..lineStart].Count(c => c == '\n');
        foreach (var step in new[] { -1, 1 })
            for (var l = current + step; l >= 0 && l < lines.Length; l += step)
            {
                var (indent, dashes, content) = Parse(lines[l]);
                if (content.Length == 0 || content.StartsWith('#')) continue;
                var contentColumn = indent + 2 * dashes;
                if (contentColumn < column || dashes > 0 && step > 0 && indent < column) break; // our mapping ended, or the next item began
                if (contentColumn == column && KeyOf().Match(content) is { Success: true } key) keys.TryAdd(key.Groups[1].Value, key.Groups[2].Value.Trim());
                if (dashes > 0 && step < 0 && contentColumn == column) break; // the first line of our list item
            }
        return keys;
    }

    private static Dictionary<string, string> FlowKeys(string flow)
    {
        var keys = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match m in FlowKey().Matches(flow)) keys.TryAdd(m.Groups[1].Value, m.Groups[2].Value);
        return keys;
    }

    private static IEnumerable<(int Indent, int Dashes, string Content)> LinesAbove(string text, int lineStart)
    {
        var lines = text[..lineStart].Split('\n');
        for (var l = lines.Length - 1; l >= 0; l--)
        {
            var parsed = Parse(lines[l]);
            if (parsed.Content.Length == 0 || parsed.Content.StartsWith('#')) continue;
            yield return parsed;
        }
    }

    private static (int Indent, int Dashes, string Content) Parse(string line)
    {
        line = line.TrimEnd('\r');
        var indent = line.Length - line.TrimStart(' ').Length;
        var content = line[indent..];
        var dashes = 0;
        while (content.StartsWith("- ", StringComparison.Ordinal) || content == "-")
        {
            dashes++;
            content = content.Length > 1 ? content[2..] : "";
        }
        return (indent, dashes, content);
    }

    [GeneratedRegex(@"^([A-Za-z_][\w]*)\s*:(.*)$")]
    private static partial Regex KeyOf();

    [GeneratedRegex(@"^([A-Za-z_][\w]*)\s*:\s*(#.*)?$")]
    private static partial Regex KeyOpening();

    [GeneratedRegex(@"([A-Za-z_][\w]*)\s*:\s*([\w.+-]*)")]
    private static partial Regex FlowKey();
}
