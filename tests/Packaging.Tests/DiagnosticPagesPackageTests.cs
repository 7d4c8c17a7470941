using System.IO.Compression;

namespace DeepDsl.Packaging.Tests;

/// <summary>
/// The diagnostics' pages reach package users (issue 19 item 11): the DeepDsl package holds docs/diagnostics/ beside its
/// analyzer, where the help links point, and the installed tool prints any page with `deepdsl explain`.
/// </summary>
[Collection(PackageFeedCollection.Name)]
public sealed class DiagnosticPagesPackageTests(PackageFeed feed)
{
    [Fact]
    public void The_DeepDsl_package_holds_every_diagnostics_page_beside_its_analyzer()
    {
        var package = feed.PackageFile("DeepDsl");
        using var zip = ZipFile.OpenRead(package);
        var entries = zip.Entries.Select(e => e.FullName).ToHashSet();
        Assert.Contains("analyzers/dotnet/cs/DeepDsl.Generator.dll", entries);
        foreach (var page in Directory.GetFiles(Path.Combine(Repository.Root, "docs", "diagnostics"), "DDSL*.md"))
            Assert.Contains($"docs/diagnostics/{Path.GetFileName(page)}", entries);
    }

    [Fact]
    public void The_installed_tool_explains_a_diagnostic()
    {
        var explained = PackageFeed.Expect(0, ChildProcess.Run(feed.Root, feed.Tool, "explain DDSL101", feed.Environment));
        // The output starts with the command line ChildProcess records, then the page.
        Assert.StartsWith("# DDSL101: SELU needs LeCun-normal initialization", explained.Output.Split('\n', 2)[1]);
    }
}
