using System.Globalization;
using DeepDsl.Torch;

namespace DeepDsl.Data;

/// <summary>
/// Reads data.dataset: csv — a header row naming the columns, then one example per row: the feature columns as finite
/// numbers (float32) and the label column as a class id, an integer 0…classes − 1. Class names written as text are
/// refused, not mapped to ids: which id a name got would depend on which names a file happens to hold (a test file
/// without one class would shift the rest), so the ids are the data's to state. Every problem is one
/// <see cref="DataException"/> at the file, line and column of the cell.
/// </summary>
internal static class CsvDataset
{
    /// <summary>The largest CSV file read: 1 GiB (it is read whole, as the other data files are).</summary>
    // The reader decodes the file into one string, and a .NET string holds about 1.07 G characters: 1 GiB keeps an ASCII file
    // under it, so a larger one is a DataException, never an OutOfMemoryException.
    public const long MaxBytes = 1L << 30;

    public sealed record Split(Tensor X, Tensor Y, string[] Features, string[] Header);

    /// <summary>
    /// Reads <paramref name="file"/>; <paramref name="features"/> null means every column but the label, in file order.
    /// With <paramref name="trainingHeader"/> (the training file's, for a validation file) the file's header must be the same.
    /// </summary>
    public static Split Read(string file, string label, string[]? features, int classes, string[]? trainingHeader = null)
    {
        var reader = CsvReader.Open(file, MaxBytes);
        var header = reader.Next() ?? throw new DataException($"{file}:1:1: the file is empty; a CSV file needs a header row naming its columns.");
        var names = header.Select(c => c.Text).ToList();
        for (var i = 0; i < names.Count; i++)
        {
            if (names[i].Length == 0) throw reader.Error(header[i].Line, header[i].Column, $"column {i + 1} of the header has no name");
            if (names.IndexOf(names[i]) != i) throw reader.Error(header[i].Line, header[i].Column, $"the header names column '{names[i]}' twice");
        }
        if (trainingHeader is not null && !names.SequenceEqual(trainingHeader))
        {
            // At the first column that differs; when one header is the other's start, at the first extra column or the last one.
            var shorter = Math.Min(names.Count, trainingHeader.Length);
            var at = Enumerable.Range(0, shorter).FirstOrDefault(i => names[i] != trainingHeader[i], shorter);
            var cell = header[Math.Min(at, names.Count - 1)];
            throw reader.Error(cell.Line, cell.Column,
                $"the header has columns {string.Join(", ", names)} but the training file (data.train) has {string.Join(", ", trainingHeader)}: a validation file needs the same columns");
        }
        int Column(string name, string key) => names.IndexOf(name) is var i and >= 0 ? i
            : throw reader.Error(header[0].Line, header[0].Column, $"the header has no column '{name}' ({key}); its columns are {string.Join(", ", names)}");
        var labelColumn = Column(label, "data.label");
        features ??= names.Where(n => n != label).ToArray();
        if (features.Length == 0) throw reader.Error(header[0].Line, header[0].Column, $"the header has no column besides the label '{label}': no features");
        var featureColumns = features.Select(f => Column(f, "data.features")).ToArray();
        if (featureColumns.Contains(labelColumn)) throw reader.Error(header[0].Line, header[0].Column, $"data.features names the label column '{label}'");

        var values = new List<float>();
        var labels = new List<long>();
        while (reader.Next() is { } row)
        {
            if (row.Count != names.Count)
            {
                // At the first cell too many, or at the last cell of a row that stops short.
                var at = row.Count > names.Count ? row[names.Count] : row[^1];
                throw reader.Error(at.Line, at.Column, $"the row has {row.Count} cells but the header has {names.Count} columns");
            }
            foreach (var c in featureColumns) values.Add(Number(reader, row[c], names[c]));
            labels.Add(ClassId(reader, row[labelColumn], label, classes));
            if (values.Count > Array.MaxLength - featureColumns.Length)
                throw reader.Error(row[0].Line, 1, $"the file holds more than {Array.MaxLength:N0} feature values");
        }
        if (labels.Count == 0) throw reader.Error(header[0].Line, header[0].Column, "the file has a header but no rows");
        return new Split(torch.tensor(values.ToArray(), [labels.Count, features.Length]), torch.tensor(labels.ToArray(), [labels.Count]), features, [.. names]);
    }

    private static float Number(CsvReader reader, CsvReader.Cell cell, string column)
    {
        if (cell.Text.Trim().Length == 0) throw reader.Error(cell.Line, cell.Column, $"column '{column}' is empty: every cell needs a value");
        if (!double.TryParse(cell.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value) || !float.IsFinite((float)value))
            throw reader.Error(cell.Line, cell.Column, $"column '{column}' holds {Quote(cell.Text)}, not a finite number");
        return (float)value;
    }

    private static long ClassId(CsvReader reader, CsvReader.Cell cell, string column, int classes)
    {
        if (cell.Text.Trim().Length == 0) throw reader.Error(cell.Line, cell.Column, $"label column '{column}' is empty: every row needs a class id");
        if (!long.TryParse(cell.Text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var id))
            throw reader.Error(cell.Line, cell.Column, $"label column '{column}' holds {Quote(cell.Text)}, not a class id (an integer from 0 to {classes - 1})");
        if (id < 0 || id >= classes)
            throw reader.Error(cell.Line, cell.Column, $"label {id} is out of range: data.classes is {classes}, so class ids are 0 to {classes - 1}");
        return id;
    }

    /// <summary>A cell's text in a message: quoted, at most 40 characters, control characters escaped by the error edge.</summary>
    private static string Quote(string text) => "'" + (text.Length > 40 ? text[..40] + "…" : text) + "'";
}
