namespace DeepDsl.Dsl.Tests;

public sealed class LanguageReferenceTests
{
    [Fact]
    public void Docs_language_md_holds_the_reference_generated_from_the_schema()
    {
        var root = Repository.Root;
        var doc = File.ReadAllText(Path.Combine(root, "docs", "language.md"));
        Assert.True(doc.EndsWith(DeepDsl.Dsl.Schema.LanguageReference.Markdown(), StringComparison.Ordinal),
            "docs/language.md's reference is stale: regenerate its tables with ./deepdsl schema --markdown");
    }
}
