namespace DeepDsl.Cli.Console;

/// <summary>
/// A plain-text table that fits a width without wrapping a cell: columns are dropped, least
/// important first, until the rest fits; the first column (the name) is shortened in the middle as a
/// last resort. Redirected output gets every column.
/// </summary>
internal static class FittedTable
{
    /// <param name="columns">Header and importance (higher stays longer) of each column.</param>
    public static IReadOnlyList<string> Lines(IReadOnlyList<(string Header, int Importance)> columns, IReadOnlyList<string[]> rows, int width)
    {
        var kept = Enumerable.Range(0, columns.Count).ToList();
        int Width(int c) => rows.Select(r => r[c].Length).Append(columns[c].Header.Length).Max();
        int Total() => kept.Sum(Width) + 2 * (kept.Count - 1);
        while (Total() > width && kept.Count > 2)
            kept.Remove(kept.Skip(1).OrderBy(c => columns[c].Importance).First());
        var widths = kept.ToDictionary(c => c, Width);
        var overflow = Total() - width;
        if (overflow > 0) widths[kept[0]] = Math.Max(8, widths[kept[0]] - overflow);
        string Cell(string text, int c) => (text.Length <= widths[c] ? text : Shorten(text, widths[c])).PadRight(widths[c]);
        string Line(Func<int, string> text) => string.Join("  ", kept.Select(c => Cell(text(c), c))).TrimEnd();
        return [Line(c => columns[c].Header), .. rows.Select(r => Line(c => r[c]))];
    }

    /// <summary>The terminal's width, or no limit when output goes to a file or a pipe.</summary>
    public static int TerminalWidth()
    {
        if (System.Console.IsOutputRedirected) return int.MaxValue;
        try
        {
            return System.Console.WindowWidth > 0 ? System.Console.WindowWidth : 80;
        }
        catch (IOException)
        {
            return 80;
        }
    }

    private static string Shorten(string text, int width) => text[..((width - 1) / 2)] + "…" + text[^(width - 1 - (width - 1) / 2)..];
}
