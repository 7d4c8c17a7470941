namespace DeepDsl.Sweeps;

/// <summary>
/// How a swept value is shown in the report: as written when it is short; a long one (a whole layer list, a section) by a
/// letter in order of first appearance — A, B, … — with the letters spelled out once under the leaderboard, so a table
/// row or an axis label stays one line.
/// </summary>
internal sealed record ValueLabels(IReadOnlyList<(string Label, string Value)> Named)
{
    public const int LongerThan = 32;

    public static ValueLabels Of(IEnumerable<string> values) =>
        new(values.Where(v => v.Length > LongerThan).Distinct().Select((v, i) => (Letter(i), v)).ToList());

    public string Label(string value) => Named.FirstOrDefault(n => n.Value == value).Label ?? value;

    // A … Z, then A1 … Z1, and so on: a sweep may choose among more than 26 long values.
    private static string Letter(int i) => $"{(char)('A' + i % 26)}{(i >= 26 ? (i / 26).ToString(System.Globalization.CultureInfo.InvariantCulture) : "")}";
}
