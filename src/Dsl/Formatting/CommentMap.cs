using System.Collections.Generic;

namespace DeepDsl.Dsl.Formatting;

/// <summary>
/// The comments of a YAML text by line: whole-line comments (attached to the next node) and trailing
/// comments (attached to the node on their line). A '#' starts a comment at the line start or after
/// whitespace, outside quotes — as YAML defines it.
/// </summary>
public sealed class CommentMap
{
    private readonly Dictionary<int, string> trailing = new Dictionary<int, string>();
    private readonly SortedDictionary<int, string> whole = new SortedDictionary<int, string>();

    public CommentMap(string text)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var at = CommentStart(lines[i]);
            if (at < 0) continue;
            var comment = lines[i].Substring(at).TrimEnd();
            if (lines[i].Substring(0, at).Trim().Length == 0) whole[i] = comment;
            else trailing[i] = comment;
        }
    }

    /// <summary>Whole-line comments before line <paramref name="line"/> not yet taken, in order.</summary>
    public List<string> TakeBefore(int line)
    {
        var taken = new List<string>();
        foreach (var entry in new List<KeyValuePair<int, string>>(whole))
        {
            if (entry.Key >= line) break;
            taken.Add(entry.Value);
            whole.Remove(entry.Key);
        }
        return taken;
    }

    public string? TakeTrailing(int line)
    {
        if (!trailing.TryGetValue(line, out var comment)) return null;
        trailing.Remove(line);
        return comment;
    }

    /// <summary>Comments not yet placed (after the last node), in order.</summary>
    public List<string> TakeRest()
    {
        var rest = new List<string>(whole.Values);
        rest.AddRange(trailing.Values);
        whole.Clear();
        trailing.Clear();
        return rest;
    }

    private static int CommentStart(string line)
    {
        char? quote = null;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quote is not null)
            {
                if (c == quote && (quote == '\'' || i == 0 || line[i - 1] != '\\')) quote = null;
                continue;
            }
            if (c == '\'' || c == '"') quote = c;
            else if (c == '#' && (i == 0 || char.IsWhiteSpace(line[i - 1]))) return i;
        }
        return -1;
    }
}
