using DeepDsl.Cli.LanguageServer;
using DeepDsl.Dsl;
using DeepDsl.Dsl.Diagnostics;
using DeepDsl.Dsl.Model;

namespace DeepDsl.Cli.Tests.LanguageServer;

/// <summary>The code actions made from diagnostics' fixes, without a server: what the compiler does not make itself.</summary>
public sealed class QuickFixProviderTests
{
    private const string Path = "/project/selu.yaml";

    [Fact]
    public void Diagnostics_that_fix_the_same_word_the_same_way_get_one_action()
    {
        var document = new OpenDocument(LanguageServerClient.Uri(Path), Path, 1, SeluSpecs.WithHeNormal);
        var word = new SourceLocation(Path, SeluSpecs.WithHeNormal.IndexOf("he_normal", StringComparison.Ordinal), 9, 5, 56, 5, 65);
        var first = new DslDiagnostic("DDSL101", DiagnosticSeverity.Error, "'dense_1' uses selu with kernel_init he_normal", word) { Fix = "lecun_normal" };
        var compilation = new SpecCompilation(null, new EquatableArray<DslDiagnostic>([first, first with { Message = "'dense_2' uses selu with kernel_init he_normal" }]), new EquatableArray<string>([Path]));

        var action = Assert.Single(QuickFixProvider.Actions(document, compilation, 5, 5))!;
        Assert.Equal("Use kernel_init: lecun_normal", action["title"]!.GetValue<string>());
    }

    [Fact]
    public void A_diagnostic_at_a_default_s_place_has_no_action_though_its_rule_has_a_fix()
    {
        // A default is located at the mapping it would go in: its first key is no word of the diagnostic's.
        const string text = "model:\n  layers:\n    - dense:\n        units: 8\n        activation: selu\n";
        var document = new OpenDocument(LanguageServerClient.Uri(Path), Path, 1, text);
        var settings = new SourceLocation(Path, text.IndexOf("units", StringComparison.Ordinal), "units: 8\n        activation: selu".Length, 3, 8, 4, 24);
        var diagnostic = new DslDiagnostic("DDSL101", DiagnosticSeverity.Error, "'dense_1' uses selu with kernel_init glorot_uniform", settings) { Fix = "lecun_normal" };

        Assert.Empty(QuickFixProvider.Actions(document, new SpecCompilation(null, new EquatableArray<DslDiagnostic>([diagnostic]), new EquatableArray<string>([Path])), 0, 10));
    }
}
