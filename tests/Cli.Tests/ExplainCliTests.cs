namespace DeepDsl.Cli.Tests;

/// <summary>`deepdsl explain DDSLnnn` prints a diagnostic's page from the tool, where a package user has no docs/ folder.</summary>
public sealed class ExplainCliTests
{
    [Fact]
    public void Deepdsl_explain_prints_the_page_of_a_diagnostic()
    {
        var result = DeepDslProcess.Run(Path.GetTempPath(), "explain", "DDSL108");
        Assert.True(result.Exit == 0, result.ToString());
        Assert.Equal(File.ReadAllText(Path.Combine(Repository.Root, "docs", "diagnostics", "DDSL108.md")), result.Output);
    }

    [Fact]
    public void Deepdsl_explain_of_an_unknown_id_is_a_usage_error()
    {
        var result = DeepDslProcess.Run(Path.GetTempPath(), "explain", "DDSL999");
        Assert.True(result.Exit == 2, result.ToString());
        Assert.Contains("DDSL999", result.Error);
    }
}
