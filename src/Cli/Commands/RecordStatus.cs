namespace DeepDsl.Cli.Commands;

/// <summary>
/// What a run listing (deepdsl runs, deepdsl board) says of a run whose summary.json gives no status: declared once so both
/// speak the same words.
/// </summary>
internal static class RecordStatus
{
    /// <summary>Its summary.json fails its door (unreadable, malformed, or a link out of the runs folder).</summary>
    public const string Damaged = "damaged";

    /// <summary>No summary.json yet.</summary>
    public const string Unknown = "unknown";
}
