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

    [Fact]
    public void Every_page_travels_inside_the_language_as_it_is_in_docs()
    {
        foreach (var descriptor in DeepDsl.Dsl.Diagnostics.Descriptors.All)
            Assert.Equal(File.ReadAllText(Path.Combine(Repository.Root, descriptor.HelpLink)), DeepDsl.Dsl.Diagnostics.DiagnosticPages.Read(descriptor.Id));
        Assert.Null(DeepDsl.Dsl.Diagnostics.DiagnosticPages.Read("DDSL999"));
    }

    [Fact]
    public void A_page_names_its_default_severity_as_the_language_has_it()
    {
        foreach (var descriptor in DeepDsl.Dsl.Diagnostics.Descriptors.All)
            Assert.Contains($"Default severity: **{DeepDsl.Dsl.Diagnostics.DslDiagnostic.SeverityText(descriptor.DefaultSeverity)}**",
                DeepDsl.Dsl.Diagnostics.DiagnosticPages.Read(descriptor.Id));
    }
}
