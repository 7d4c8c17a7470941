using Xunit.Abstractions;

namespace DeepDsl.Cli.Tests;

/// <summary>
/// Starts the longest collections first, so that the last minutes of a parallel run are not one long collection alone
/// (the longest-first rule for scheduling jobs on a few machines). The list is by measured wall time, longest first;
/// a collection not listed starts after them, by name. A wrong or stale list changes only the order, never a result.
/// </summary>
public sealed class LongestFirst : ITestCollectionOrderer
{
    // One measurement, not a benchmark: the whole project on the two-CPU development machine, 2026-12-07, four
    // collections at once while other builds ran (load average 15 to 25); seconds per collection: finished sweep 590,
    // slurm 370, SweepCliTests 270, the language server's fuzz 190 and protocol 170, then 100 to 45.
    private static readonly string[] Longest =
    [
        "finished sweep", "slurm", "SweepCliTests", "LanguageServerFuzzTests", "LanguageServerProtocolTests", "InterruptedRunTests",
        "RunSafetyCliTests", "DistributedCliTests", "ReceivedFolderTests", "FigureLayoutBrowserTests", "VsCodeExtensionTests",
        "LrFindWriteTests", "OwnDataCliTests", "UntrustedInputCliTests", "GitConfinementTests", "SpecIdentityCliTests", "GitIntegrationTests",
    ];

    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections.OrderBy(Rank).ThenBy(c => c.DisplayName, StringComparer.Ordinal);

    private static int Rank(ITestCollection collection)
    {
        // A class's own collection is named "Test collection for <its full name>"; a shared one by its name.
        var name = collection.DisplayName.Split('.', ' ').Last();
        var rank = Array.IndexOf(Longest, collection.DisplayName) is >= 0 and var shared ? shared : Array.IndexOf(Longest, name);
        return rank >= 0 ? rank : Longest.Length;
    }
}
