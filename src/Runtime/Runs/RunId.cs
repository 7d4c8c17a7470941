using System.Globalization;
using DeepDsl.Dsl.Model;

namespace DeepDsl.Runs;

/// <summary>
/// The name of a record's folder under its experiment: &lt;UTC start, yyyyMMdd-HHmmss&gt;-&lt;short spec hash&gt;, for a run
/// (<see cref="RunDirectory"/>) and an lr-find record (<see cref="LrFinds.LrFindDirectory"/>) alike, so both sort by when they started.
/// </summary>
public static class RunId
{
    public static string Of(DateTimeOffset started, string specHash) =>
        $"{started.UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}-{SpecHash.Short(specHash)}";
}
