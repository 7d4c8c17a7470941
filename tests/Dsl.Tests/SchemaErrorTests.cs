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
    public void A_duplicate_key_is_reported_where_it_repeats_with_its_path_and_the_first_line()
    {
        var spec = Valid.Replace("  epochs: 5", "  epochs: 5\n  epochs: 6");
        var d = Single(Compile(spec), "DDSL005");
        AssertAt(d, DiagnosticSeverity.Error, Find(spec, "epochs: 6"));
        Assert.Contains($"training.epochs is already set on line {Find(spec, "epochs: 5").Line}", d.Message);
    }

    [Fact]
    public void A_key_of_another_dataset_is_an_error_not_silently_ignored()
    {
        var spec = Valid.Replace("{ dataset: cifar10, validation: 1000 }", "{ dataset: cifar10, validation: 1000, samples: 500 }");
        var d = Single(Compile(spec), "DDSL015");
        AssertAt(d, DiagnosticSeverity.Error, Find(spec, "samples"));
        Assert.Contains("data.samples applies only when dataset is synthetic, but data.dataset is cifar10", d.Message);
        Assert.Empty(Compile(Valid.Replace("{ dataset: cifar10, validation: 1000 }", "{ dataset: cifar10, validation: 1000, x_train: null }")).Diagnostics);
    }

    [Fact]
    public void A_dataset_names_the_keys_it_needs()
    {
        var npy = Valid.Replace("{ dataset: cifar10, validation: 1000 }", "{ dataset: npy, x_train: a.npy, y_train: b.npy, x_test: c.npy }");
        var missing = Compile(npy).Diagnostics.Where(d => d.Id == "DDSL004").Select(d => d.Message).ToList();
        Assert.Equal(2, missing.Count);
        Assert.Contains(missing, m => m.StartsWith("data needs 'y_test' when dataset is npy", StringComparison.Ordinal));
        Assert.Contains(missing, m => m.StartsWith("data needs 'classes' when dataset is npy", StringComparison.Ordinal));
        Assert.Null(Compile(npy).Spec);
        var complete = Valid.Replace("{ dataset: cifar10, validation: 1000 }", "{ dataset: npy, x_train: a.npy, y_train: b.npy, x_test: c.npy, y_test: d.npy, classes: 10 }");
        Assert.Empty(Compile(complete).Diagnostics);
    }

    [Fact]
    public void A_key_inherited_for_another_dataset_points_into_the_base_and_says_how_to_drop_it()
    {
        var baseSpec = Valid.Replace("{ dataset: cifar10, validation: 1000 }", "{ dataset: synthetic, classes: 10, samples: 200 }").Replace("input: [3, 32, 32]", "input: [3072]").Replace("    - flatten\n", "");
        var variant = "extends: base.yaml\nname: v\ndata: { dataset: cifar10, classes: null }\nmodel: { input: [3, 32, 32], layers: [flatten, { dense: { units: 10, activation: softmax } }] }\n";
        Assert.Empty(Compile(baseSpec).Diagnostics);
        var d = Single(Compile(variant, ("base.yaml", baseSpec)), "DDSL015");
        AssertAt(d, DiagnosticSeverity.Error, Find(baseSpec, "samples"), "/specs/base.yaml");
        Assert.Contains("inherited: write samples: null in spec.yaml", d.Message);
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
