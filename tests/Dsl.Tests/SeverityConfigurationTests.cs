using DeepDsl.Dsl.Diagnostics;
using DeepDsl.Dsl.Resolution;

namespace DeepDsl.Dsl.Tests;

/// <summary>Severities from .editorconfig/.globalconfig next to the spec or above, as `dotnet build` reads them.</summary>
public sealed class SeverityConfigurationTests
{
    private static readonly string AlphaDropoutWithoutSelu =
        Specs.Valid.Replace("    - dense: { units: 10", "    - alpha_dropout: 0.1\n    - dense: { units: 10");

    [Fact]
    public void Section_less_star_and_yaml_sections_apply_and_others_do_not()
    {
        var parsed = SeverityConfiguration.Parse("""
            is_global = true
            dotnet_diagnostic.DDSL107.severity = error
            [*.cs]
            dotnet_diagnostic.DDSL106.severity = none
            [*.yaml]
            dotnet_diagnostic.DDSL105.severity = suggestion  # a comment
            [*]
            dotnet_diagnostic.DDSL203.severity = silent
            dotnet_diagnostic.DDSL202.severity = nonsense
            """);
        Assert.Equal(new Dictionary<string, DiagnosticSeverity>
        {
            ["DDSL107"] = DiagnosticSeverity.Error, ["DDSL105"] = DiagnosticSeverity.Info, ["DDSL203"] = DiagnosticSeverity.Hidden,
        }, parsed.OrderBy(p => p.Key).ToDictionary());
    }

    [Fact]
    public void A_nearer_file_wins_and_root_stops_the_search()
    {
        var files = new InMemoryFileSystem(new Dictionary<string, string>
        {
            ["/.globalconfig"] = "dotnet_diagnostic.DDSL101.severity = none\n",
            ["/repo/.editorconfig"] = "root = true\n[*]\ndotnet_diagnostic.DDSL107.severity = error\ndotnet_diagnostic.DDSL203.severity = none\n",
            ["/repo/experiments/.globalconfig"] = "dotnet_diagnostic.DDSL203.severity = error\n",
            ["/repo/experiments/spec.yaml"] = AlphaDropoutWithoutSelu,
        });
        var found = SeverityConfiguration.Find("/repo/experiments/spec.yaml", files);
        Assert.Equal(DiagnosticSeverity.Error, found["DDSL107"]);
        Assert.Equal(DiagnosticSeverity.Error, found["DDSL203"]);
        Assert.False(found.ContainsKey("DDSL101"));
    }

    [Fact]
    public void Configured_severities_and_warn_as_error_change_what_compiling_reports()
    {
        var files = new Dictionary<string, string> { ["/p/spec.yaml"] = AlphaDropoutWithoutSelu };
        DslDiagnostic Only(bool warnAsError) =>
            Assert.Single(SpecCompiler.Compile("/p/spec.yaml", new InMemoryFileSystem(files), SeverityConfiguration.For("/p/spec.yaml", new InMemoryFileSystem(files), warnAsError)).Diagnostics);
        Assert.Equal(DiagnosticSeverity.Warning, Only(false).Severity);
        Assert.Equal(DiagnosticSeverity.Error, Only(true).Severity);
        files["/p/.editorconfig"] = "[*.{yaml,yml}]\ndotnet_diagnostic.DDSL107.severity = none\n";
        Assert.Empty(SpecCompiler.Compile("/p/spec.yaml", new InMemoryFileSystem(files), SeverityConfiguration.For("/p/spec.yaml", new InMemoryFileSystem(files))).Diagnostics);
    }
}
