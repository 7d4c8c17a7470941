namespace DeepDsl.Cli.Console;

/// <summary>
/// One line made of parts that fits a width: parts are dropped, least important first, until the rest
/// fits; what still does not fit is cut with an ellipsis. A terminal line that fits never wraps, so it
/// can be redrawn in place at any width.
/// </summary>
internal static class FittedLine
{
    /// <param name="parts">Text and importance (higher stays longer), in display order.</param>
    public static string Fit(IReadOnlyList<(string Text, int Importance)> parts, int width, string separator = "  ")
    {
        var kept = parts.Where(p => p.Text.Length > 0).ToList();
        string Join() => string.Join(separator, kept.Select(p => p.Text));
        while (kept.Count > 1 && Join().Length > width)
            kept.Remove(kept.OrderBy(p => p.Importance).First());
        var line = Join();
        return line.Length <= width ? line : width <= 1 ? "" : line[..(width - 1)] + "…";
    }

    /// <summary>A line broken at <paramref name="separator"/>s into lines that fit (a part longer than the width keeps its own line).</summary>
    public static IEnumerable<string> Wrap(string text, string separator, int width)
    {
        var line = "";
        foreach (var part in text.Split(separator))
        {
            if (line.Length > 0 && line.Length + separator.Length + part.Length + separator.TrimEnd().Length > width)
            {
                yield return line + separator.TrimEnd();
                line = "  " + part;
            }
            else line = line.Length == 0 ? part : line + separator + part;
        }
        if (line.Length > 0) yield return line;
    }

    /// <summary>A Keras epoch line ("Epoch 3/20 - 4.1s - loss: … - lr: …") fitted: validation numbers stay longest, then the training loss.</summary>
    public static string Epoch(string kerasLine, int width)
    {
        var parts = kerasLine.Split(" - ");
        int Importance(string part) => part switch
        {
            _ when part.StartsWith("Epoch", StringComparison.Ordinal) => 10,
            _ when part.StartsWith("val_loss", StringComparison.Ordinal) => 9,
            _ when part.StartsWith("val_accuracy", StringComparison.Ordinal) => 8,
            _ when part.StartsWith("loss", StringComparison.Ordinal) => 7,
            _ when part.StartsWith("accuracy", StringComparison.Ordinal) => 5,
            _ when part.StartsWith("lr", StringComparison.Ordinal) => 3,
            _ => 4,
        };
        return Fit(parts.Select(p => (p, Importance(p))).ToList(), width, " - ");
    }
}
