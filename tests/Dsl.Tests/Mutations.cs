using System.Text.RegularExpressions;

namespace DeepDsl.Dsl.Tests;

/// <summary>Random damage to a spec text: deleted, duplicated or re-indented lines, changed values and types, truncation, random characters.</summary>
internal static class Mutations
{
    private static readonly string[] Values =
        ["-1", "0", "'3'", "null", "true", "[1, 2]", "{ a: 1 }", ".nan", "1e400", "*x", "&y z", "\"\\u0000\"", "99999999999999999999", "~", "{", "]"];

    public static string Apply(string text, Random random)
    {
        var lines = text.Split('\n').ToList();
        for (var n = random.Next(1, 4); n > 0 && lines.Count > 0; n--)
        {
            var line = random.Next(lines.Count);
            switch (random.Next(7))
            {
                case 0: lines.RemoveAt(line); break;
                case 1: lines.Insert(line, lines[line]); break;
                case 2: lines[line] = Regex.Replace(lines[line], @"\d+(\.\d+)?(e-?\d+)?", _ => Values[random.Next(Values.Length)]); break;
                case 3: lines[line] = lines[line].Replace(": ", ": " + Values[random.Next(Values.Length)] + " "); break;
                case 4:
                    var whole = string.Join("\n", lines);
                    return whole[..random.Next(Math.Max(1, whole.Length))];
                case 5:
                    var chars = lines[line].ToCharArray();
                    if (chars.Length > 0) chars[random.Next(chars.Length)] = (char)random.Next(1, 0x3000);
                    lines[line] = new string(chars);
                    break;
                default: lines[line] = "  " + lines[line]; break;
            }
        }
        return string.Join("\n", lines);
    }

    /// <summary>Changes that keep a spec valid but change what it means: other numbers in range.</summary>
    public static string ChangeNumbers(string text, Random random) =>
        Regex.Replace(text, @"(?<=(units|patience|epochs|batch_size|samples|validation|seed|repeat): )\d+", m => random.Next(3) == 0 ? random.Next(1, 500).ToString() : m.Value);

    /// <summary>Whole-line and trailing comments, each with a unique marker, at random places.</summary>
    public static (string Text, List<string> Markers) AddComments(string text, Random random)
    {
        var lines = text.Split('\n').ToList();
        var markers = new List<string>();
        for (var n = random.Next(1, 6); n > 0; n--)
        {
            var marker = $"# note-{markers.Count}";
            markers.Add(marker);
            var line = random.Next(lines.Count);
            if (random.Next(2) == 0 || lines[line].Trim().Length == 0 || lines[line].Contains('#'))
                lines.Insert(line, new string(' ', lines[line].Length - lines[line].TrimStart().Length) + marker);
            else
                lines[line] += "  " + marker;
        }
        return (string.Join("\n", lines), markers);
    }
}
