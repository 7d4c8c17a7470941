using System.Globalization;
using DeepDsl.Runs.Records;

namespace DeepDsl.Runs.LrFinds;

/// <summary>lr_find.csv: one row per batch of the sweep (step, lr, loss, smoothed_loss).</summary>
public static class LrFindCsv
{
    public const string Header = "step,lr,loss,smoothed_loss";

    public static string Format(IEnumerable<LrFindStep> steps) =>
        NumberedCsv.Format(Header, steps, s => [s.Step.ToString(CultureInfo.InvariantCulture), NumberedCsv.Number(s.Lr), NumberedCsv.Number(s.Loss), NumberedCsv.Number(s.SmoothedLoss)]);

    /// <summary>
    /// The door of lr_find.csv (<see cref="NumberedCsv"/>): the header, four numbers a row, steps 1, 2, 3… in order, rates
    /// finite and &gt; 0 (a log axis takes no other), losses finite (the sweep stops before a loss that is not). Anything
    /// else is an <see cref="InvalidDataException"/> naming the file and line.
    /// </summary>
    public static IReadOnlyList<LrFindStep> Parse(string text, string file) =>
        NumberedCsv.Parse(text, file, "lr-find", [Header],
            (name, value) => !double.IsFinite(value) ? $"{name} is not a finite number" : name == "lr" && value <= 0 ? "lr is not > 0" : null,
            (step, _, values) => new LrFindStep(step, values[1], values[2], values[3]));
}
