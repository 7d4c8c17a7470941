using System.Globalization;
using System.Text;

namespace DeepDsl.Runs.LrFinds;

/// <summary>lr_find.csv: one row per batch of the sweep (step, lr, loss, smoothed_loss).</summary>
public static class LrFindCsv
{
    public const string Header = "step,lr,loss,smoothed_loss";

    public static string Format(IEnumerable<LrFindStep> steps)
    {
        var text = new StringBuilder(Header).Append('\n');
        foreach (var s in steps)
            text.Append(string.Join(",", s.Step.ToString(CultureInfo.InvariantCulture), Number(s.Lr), Number(s.Loss), Number(s.SmoothedLoss))).Append('\n');
        return text.ToString();
    }

    /// <summary>
    /// The door of lr_find.csv: the header, four numbers a row, steps 1, 2, 3… in order, rates finite and &gt; 0 (a log axis
    /// takes no other), losses finite (the sweep stops before a loss that is not). Anything else is an
    /// <see cref="InvalidDataException"/> naming the file and line.
    /// </summary>
    public static IReadOnlyList<LrFindStep> Parse(string text, string file)
    {
        var lines = text.Split('\n');
        // The file ends with a newline: the empty piece after it is no row.
        var count = lines.Length > 0 && lines[^1].Length == 0 ? lines.Length - 1 : lines.Length;
        if (count == 0 || lines[0].Trim() != Header)
            throw new InvalidDataException($"{file} is not a DeepDsl lr-find file: its first line should be '{Header}'.");
        var names = Header.Split(',');
        var steps = new List<LrFindStep>(count - 1);
        for (var i = 1; i < count; i++)
        {
            var cells = lines[i].Split(',');
            if (cells.Length != names.Length) throw Damaged(file, i, $"expected {names.Length} values, found {cells.Length}");
            if (!int.TryParse(cells[0], NumberStyles.None, CultureInfo.InvariantCulture, out var step) || step != i)
                throw Damaged(file, i, $"the step should be {i} (rows are the steps in order)");
            var values = new double[names.Length];
            for (var k = 1; k < names.Length; k++)
            {
                if (!double.TryParse(cells[k], NumberStyles.Float, CultureInfo.InvariantCulture, out values[k]))
                    throw Damaged(file, i, $"{names[k]} is not a number");
                if (!double.IsFinite(values[k])) throw Damaged(file, i, $"{names[k]} is not a finite number");
            }
            if (values[1] <= 0) throw Damaged(file, i, "lr is not > 0");
            steps.Add(new LrFindStep(step, values[1], values[2], values[3]));
        }
        return steps;
    }

    private static InvalidDataException Damaged(string file, int line, string problem) => new($"{file}:{line + 1} is damaged: {problem}.");

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
