using DeepDsl.Reporting;
using DeepDsl.Runs;

namespace DeepDsl.Runtime.Tests.Runs;

/// <summary>
/// The doors of run records accept every record the tool wrote (the study's committed runs), and the console's one escape
/// shows every character a terminal would act on while keeping all other text as it is.
/// </summary>
public sealed class RecordDoorTests
{
    public static TheoryData<string> CommittedRuns() =>
        new(Directory.GetFiles(Path.Combine(Repository.Root, "docs", "results", "runs"), RunDirectory.SummaryFileName, SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Repository.Root, Path.GetDirectoryName(f)!)).Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(CommittedRuns))]
    public void Every_committed_run_passes_the_doors_of_its_summary_and_metrics(string run)
    {
        var records = new RunDirectory(Path.Combine(Repository.Root, run)).ReadRecords();
        Assert.NotEmpty(records.Metrics);
        Assert.True(records.Metrics.Count >= records.Summary.EpochsRun);
    }

    [Theory]
    [InlineData("\u001b[2J", @"\u001b[2J")]
    [InlineData("line\rover", @"line\u000dover")]
    [InlineData("bell\u0007", @"bell\u0007")]
    [InlineData("two\nlines", @"two\u000alines")]
    [InlineData("csi\u009b2J", @"csi\u009b2J")]
    [InlineData("para\u2029graph", @"para\u2029graph")]
    [InlineData("\u202eevil", @"\u202eevil")]
    [InlineData("non\ufffechar", @"non\ufffechar")]
    public void The_console_escape_shows_control_characters(string value, string shown) => Assert.Equal(shown, TerminalText.Escape(value));

    // Built here: an attribute cannot hold a lone surrogate (it is stored as UTF-8).
    [Fact]
    public void The_console_escape_shows_a_lone_surrogate() => Assert.Equal(@"lone\ud800 \udc00", TerminalText.Escape("lone" + (char)0xd800 + " " + (char)0xdc00));

    [Theory]
    [InlineData("plain text, tabs aside")]
    [InlineData("é, ü, 日本語 and 🙂 (a surrogate pair)")]
    [InlineData(@"already escaped: \u001b[2J")]
    public void The_console_escape_keeps_other_text_as_it_is(string value) => Assert.Equal(value, TerminalText.Escape(value));
}
