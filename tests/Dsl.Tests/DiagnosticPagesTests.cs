namespace DeepDsl.Dsl.Tests;

public sealed class DiagnosticPagesTests
{
    [Fact]
    public void Every_diagnostic_has_its_documentation_page()
    {
        var root = Repository.Root;
        foreach (var descriptor in DeepDsl.Dsl.Diagnostics.Descriptors.All)
        {
            var page = Path.Combine(root, descriptor.HelpLink);
            Assert.True(File.Exists(page), $"missing {descriptor.HelpLink}");
            Assert.StartsWith($"# {descriptor.Id}:", File.ReadAllText(page));
        }
    }
}
