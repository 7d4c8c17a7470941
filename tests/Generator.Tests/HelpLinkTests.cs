namespace DeepDsl.Generator.Tests;

/// <summary>
/// A diagnostic's help leads to a page the user has (issue 19 item 11: links pointed at a placeholder repository address
/// and at docs/ paths a package user does not have): the page in the DeepDsl package the analyzer was loaded from, or
/// `deepdsl explain DDSLnnn`, which prints it from the tool (tested in Cli.Tests, ExplainCliTests).
/// </summary>
public sealed class HelpLinkTests
{
    [Fact]
    public void From_the_package_the_help_link_is_the_page_beside_the_analyzer()
    {
        var descriptor = DeepDsl.Dsl.Diagnostics.Descriptors.ById("DDSL101");
        Assert.Equal("file:///home/u/.nuget/packages/deepdsl/0.1.0/docs/diagnostics/DDSL101.md",
            HelpLinks.For(descriptor, "/home/u/.nuget/packages/deepdsl/0.1.0/analyzers/dotnet/cs/DeepDsl.Generator.dll"));
    }

    [Theory]
    [InlineData("/work/src/Generator/bin/Release/netstandard2.0/DeepDsl.Generator.dll")]
    [InlineData("")]
    [InlineData("/x/analyzers/dotnet/cs/sub/DeepDsl.Generator.dll")]
    public void Anywhere_else_there_is_no_link_rather_than_a_wrong_one(string analyzer) =>
        Assert.Equal("", HelpLinks.For(DeepDsl.Dsl.Diagnostics.Descriptors.ById("DDSL101"), analyzer));

    [Fact]
    public void No_descriptor_links_to_a_web_address_and_each_names_the_explain_command()
    {
        foreach (var descriptor in Descriptors.All)
        {
            Assert.DoesNotContain("http", descriptor.HelpLinkUri, StringComparison.OrdinalIgnoreCase);
            Assert.Contains($"deepdsl explain {descriptor.Id}", descriptor.Description.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
