using System.Globalization;
using System.Text;

namespace DeepDsl.Runs.Records;

/// <summary>
/// The one door of a record of numbered rows — metrics.csv (a row per epoch), lr_find.csv (a row per step): a header, then
/// a row per line, each with a cell per column, the first the row's number (1, 2, 3… in order) and the others numbers that
/// the record's own rule accepts. The file ends with a newline; any other empty line is a damaged row, named by its line,
/// so every message names the line as an editor counts it. Anything else is an <see cref="InvalidDataException"/> naming the file and line.
/// </summary>
public static class NumberedCsv
{
    /// <summary>The header, then a line of <paramref name="cells"/> per row, each ending with a newline.</summary>
    public static string Format<T>(string header, IEnumerable<T> rows, Func<T, IEnumerable<string>> cells)
    {
        var text = new StringBuilder(header).Append('\n');
        foreach (var row in rows) text.AppendJoin(',', cells(row)).Append('\n');
        return text.ToString();
    }

    /// <summary>A number as the records write it: round-trip, invariant culture.</summary>
    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>
    /// The rows of <paramref name="text"/> (the file <paramref name="file"/>, a DeepDsl <paramref name="kind"/> file), made by
    /// <paramref name="row"/> from each row's number and values (by column, the number's own cell left 0). Its first line must be
    /// one of <paramref name="headers"/> (the first is the one written now); the first column names what the rows count.
    /// <paramref name="check"/> gives a column's value's problem, or null; a cell of the <paramref name="optional"/> column may be empty (NaN).
    /// </summary>
    public static IReadOnlyList<T> Parse<T>(string text, string file, string kind, IReadOnlyList<string> headers,
        Func<string, double, string?> check, Func<int, IReadOnlyList<string>, double[], T> row, string? optional = null)
    {
        var lines = text.Split('\n');
        // The file ends with a newline: the empty piece after it is no row.
        var count = lines.Length > 0 && lines[^1].Length == 0 ? lines.Length - 1 : lines.Length;
        var header = count == 0 ? "" : lines[0].Trim();
        if (!headers.Contains(header))
            throw new InvalidDataException($"{file} is not a DeepDsl {kind} file: its first line should be '{headers[0]}'.");
        var names = header.Split(',');
        var rows = new List<T>(count - 1);
        for (var i = 1; i < count; i++)
        {
            var cells = lines[i].Split(',');
            if (cells.Length != names.Length) throw Damaged(file, i, $"expected {names.Length} values, found {cells.Length}");
            if (!int.TryParse(cells[0], NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number != i)
                throw Damaged(file, i, $"the {names[0]} should be {i} (rows are the {names[0]}s in order)");
            var values = new double[names.Length];
            for (var k = 1; k < names.Length; k++)
            {
                if (names[k] == optional && string.IsNullOrWhiteSpace(cells[k]))
                {
                    values[k] = double.NaN;
                    continue;
                }
                if (!double.TryParse(cells[k], NumberStyles.Float, CultureInfo.InvariantCulture, out values[k]))
                    throw Damaged(file, i, $"{names[k]} is not a number");
                if (check(names[k], values[k]) is { } problem) throw Damaged(file, i, problem);
            }
            rows.Add(row(number, names, values));
        }
        return rows;
    }

    private static InvalidDataException Damaged(string file, int line, string problem) => new($"{file}:{line + 1} is damaged: {problem}.");
}
