using System.Text.RegularExpressions;

namespace DeepDsl.Cli.Tests.Docs;

/// <summary>
/// A fenced shell block of a Markdown page (```bash or ```sh), as a reader would copy it. A block the docs test does
/// not run is marked on the line before its fence, with the reason a reader can check:
/// <c>&lt;!-- docs-test: skip — REASON --&gt;</c> for the whole block, or
/// <c>&lt;!-- docs-test: skip `COMMAND` — REASON --&gt;</c> for the lines that start with COMMAND.
/// </summary>
internal sealed record ShellBlock(string Page, int Line, string Text, string? SkipReason, string? SkippedCommand)
{
    private static readonly Regex Fence = new(@"^```(bash|sh|shell)\s*$");
    private static readonly Regex Marker = new(@"^<!-- docs-test: skip(?: `(?<command>[^`]+)`)? — (?<reason>\S.*\S) -->$");

    /// <summary>The whole block is left to the reader (a GPU, a placeholder, the suite itself).</summary>
    public bool Skipped => SkipReason is not null && SkippedCommand is null;

    /// <summary>The lines the test runs: all but those the marker names.</summary>
    public string Runnable => string.Join('\n', Text.Split('\n')
        .Where(line => SkippedCommand is null || !line.TrimStart().StartsWith(SkippedCommand, StringComparison.Ordinal)));

    public override string ToString() => $"{Page}:{Line}";

    /// <summary>The page's shell blocks, in order; a `docs-test` comment that is not a well-formed marker is an error.</summary>
    public static IReadOnlyList<ShellBlock> Read(string root, string page)
    {
        var lines = File.ReadAllLines(Path.Combine(root, page));
        var blocks = new List<ShellBlock>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].StartsWith("<!-- docs-test", StringComparison.Ordinal) && !Marker.IsMatch(lines[i]))
                throw new FormatException($"{page}:{i + 1}: not a docs-test marker: {lines[i]}");
            if (!lines[i].StartsWith("```", StringComparison.Ordinal)) continue;
            var end = Array.FindIndex(lines, i + 1, l => l.StartsWith("```", StringComparison.Ordinal));
            if (end < 0) throw new FormatException($"{page}:{i + 1}: a fence that is never closed");
            if (Fence.IsMatch(lines[i]))
            {
                var marker = i > 0 ? Marker.Match(lines[i - 1]) : Match.Empty;
                blocks.Add(new ShellBlock(page, i + 1, string.Join('\n', lines[(i + 1)..end]),
                    marker.Success ? marker.Groups["reason"].Value : null,
                    marker.Success && marker.Groups["command"].Success ? marker.Groups["command"].Value : null));
            }
            i = end;
        }
        return blocks;
    }
}
