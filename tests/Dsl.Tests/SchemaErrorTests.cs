using DeepDsl.Dsl.Diagnostics;
using static DeepDsl.Dsl.Tests.Specs;

namespace DeepDsl.Dsl.Tests;

/// <summary>Schema errors: every key known or an error, nothing coerced, each message names the key path and what was expected.</summary>
public sealed class SchemaErrorTests
{
    [Fact]
    public void An_unknown_key_suggests_the_closest_known_one()
    {
        var spec = Valid.Replace("  epochs: 5", "  epochs: 5\n  batch_sise: 64");
        var d = Single(Compile(spec), "DDSL002");
        AssertAt(d, DiagnosticSeverity.Error, Find(spec, "batch_sise"));
        Assert.Contains("did you mean 'batch_size'", d.Message);
        Assert.Contains("training", d.Message);
    }

    [Fact]
    public void A_quoted_number_is_a_string_not_an_integer()
    {
        var spec = Valid.Replace("epochs: 5", "epochs: '5'");
        var d = Single(Compile(spec), "DDSL003");
        AssertAt(d, DiagnosticSeverity.Error, Find(spec, "'5'"));
        Assert.Contains("training.epochs: expected an integer", d.Message);
    }

    [Fact]
    public void A_missing_required_key_is_named()
    {
        var spec = Valid.Replace("\n  epochs: 5", "");
        Assert.Contains("needs 'epochs'", Single(Compile(spec), "DDSL004").Message);
    }

    [Fact]
    public void A_duplicate_key_is_reported_where_it_repeats()
    {
        var spec = Valid.Replace("  epochs: 5", "  epochs: 5\n  epochs: 6");
        AssertAt(Single(Compile(spec), "DDSL005"), DiagnosticSeverity.Error, Find(spec, "epochs: 6"));
    }

    [Theory]
    [InlineData("units: 50", "units: 0", "0")]
    [InlineData("learning_rate: 0.001", "learning_rate: -1", "-1")]
    [InlineData("learning_rate: 0.001", "learning_rate: .nan", ".nan")]
    public void Out_of_range_values_are_errors(string from, string to, string value)
    {
        var spec = Valid.Replace(from, to);
        var (line, column) = Find(spec, to);
        AssertAt(Single(Compile(spec), "DDSL006"), DiagnosticSeverity.Error, (line, column + to.IndexOf(value, StringComparison.Ordinal)));
    }

    [Fact]
    public void A_dropout_rate_outside_zero_to_one_is_an_error()
    {
        var spec = Valid.Replace("    - dense: { units: 10", "    - dropout: 1.0\n    - dense: { units: 10");
        Assert.Contains("rate", Single(Compile(spec), "DDSL006").Message);
    }

    [Fact]
    public void Both_lr_and_learning_rate_is_an_error()
    {
        var spec = Valid.Replace("learning_rate: 0.001", "learning_rate: 0.001, lr: 0.01");
        AssertAt(Single(Compile(spec), "DDSL014"), DiagnosticSeverity.Error, Find(spec, "lr: 0.01"));
    }

    [Fact]
    public void An_unknown_layer_kind_suggests_one()
    {
        var spec = Valid.Replace("- flatten", "- flaten");
        Assert.Contains("did you mean 'flatten'", Single(Compile(spec), "DDSL002").Message);
    }

    [Fact]
    public void A_billion_laughs_file_is_refused_quickly()
    {
        var text = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + string.Concat(Enumerable.Range(0, 8).Select(i =>
            $"{(char)('b' + i)}: &{(char)('b' + i)} [{string.Join(", ", Enumerable.Repeat("*" + (char)('a' + i), 10))}]\n"));
        var watch = System.Diagnostics.Stopwatch.StartNew();
        Single(Compile(text), "DDSL008");
        Assert.True(watch.ElapsedMilliseconds < 1000);
    }

    [Fact]
    public void A_file_over_the_size_limit_is_refused()
    {
        Single(Compile("# " + new string('x', DeepDsl.Dsl.Syntax.YamlLoader.MaxFileChars)), "DDSL007");
    }

    [Fact]
    public void A_newer_language_version_is_an_error()
    {
        Assert.Contains("version", Single(Compile("version: 2\n" + Valid), "DDSL006").Message);
    }
}
