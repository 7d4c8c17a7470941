using DeepDsl.Dsl.Diagnostics;

namespace DeepDsl.Dsl.Tests;

/// <summary>Specs are untrusted input: the language bounds what it reads and refuses what later stages could not hold, with located errors.</summary>
public sealed class UntrustedSpecTests
{
    [Theory]
    [InlineData("[", 100_000)]
    [InlineData("{a: ", 100_000)]
    [InlineData("- ", 2_000)]
    public void Nesting_past_the_limit_is_a_located_error_not_a_stack_overflow(string opener, int levels)
    {
        var text = string.Concat(Enumerable.Repeat(opener, levels));
        var compilation = Specs.Compile(text);
        var error = Specs.Single(compilation, "DDSL016");
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
        Assert.Equal(0, error.Location.StartLine);
    }

    [Fact]
    public void Nesting_within_the_limit_is_read()
    {
        var nested = string.Concat(Enumerable.Repeat("[", 60)) + string.Concat(Enumerable.Repeat("]", 60));
        var compilation = Specs.Compile(Specs.Valid + $"\ndescription: {nested}\n");
        Assert.DoesNotContain(compilation.Diagnostics, d => d.Id == "DDSL016");
    }

    [Theory]
    [InlineData("batch_size: 32", "batch_size: 2147483648", "DDSL006")]
    [InlineData("epochs: 5", "epochs: 9223372036854775807", "DDSL006")]
    [InlineData("epochs: 5", "epochs: 99999999999999999999", "DDSL003")]
    [InlineData("validation: 1000", "validation: 4294967296", "DDSL006")]
    public void Integers_the_runtime_cannot_hold_are_refused_at_validate_time(string from, string to, string id)
    {
        var text = Specs.Valid.Replace("epochs: 5", "epochs: 5\n  batch_size: 32").Replace(from, to);
        var compilation = Specs.Compile(text);
        Specs.AssertAt(Specs.Single(compilation, id), DiagnosticSeverity.Error, Specs.Find(text, to.Split(": ")[1]));
        Assert.Null(compilation.Spec);
    }

    [Theory]
    [InlineData("../..")]
    [InlineData("/etc/cron.d")]
    [InlineData("a..b")]
    [InlineData("runs/x")]
    [InlineData("\"a\\nb\"")]
    [InlineData("9lives")]
    [InlineData("\"a b\"")]
    public void Names_that_are_not_plain_names_are_errors_at_the_value(string name)
    {
        var text = Specs.Valid.Replace("name: test", $"name: {name}");
        Specs.AssertAt(Specs.Single(Specs.Compile(text), "DDSL012"), DiagnosticSeverity.Error, Specs.Find(text, name));
    }

    [Fact]
    public void Names_with_dashes_and_dots_are_valid()
    {
        var compilation = Specs.Compile(Specs.Valid.Replace("name: test", "name: cifar10-selu.v2_b"));
        Assert.Empty(compilation.Errors);
    }

    [Fact]
    public void Layer_names_that_become_the_same_identifier_are_an_error()
    {
        var text = Specs.Valid.Replace("kernel_init: he_normal }", "kernel_init: he_normal, name: hidden-1 }")
            .Replace("activation: softmax }", "activation: softmax, name: hidden_1 }");
        var error = Specs.Single(Specs.Compile(text), "DDSL012");
        Assert.Contains("Hidden1", error.Message);
    }

    [Fact]
    public void A_layer_may_not_take_a_name_the_generated_class_has()
    {
        var text = Specs.Valid.Replace("kernel_init: he_normal }", "kernel_init: he_normal, name: register_module }");
        Assert.Contains("RegisterModule", Specs.Single(Specs.Compile(text), "DDSL012").Message);
    }

    [Fact]
    public void Paths_with_control_characters_are_refused()
    {
        var text = Specs.Valid.Replace("validation: 1000", "validation: 1000, path: \"data\\0x\"");
        Specs.Single(Specs.Compile(text), "DDSL006");
    }

    [Fact]
    public void A_long_unknown_key_is_quoted_shortened_in_its_message()
    {
        var key = new string('k', 1_000);
        var error = Specs.Single(Specs.Compile(Specs.Valid + $"\n{key}: 1\n"), "DDSL002");
        Assert.True(error.Message.Length < 400, $"message of {error.Message.Length} characters");
        Assert.Contains("1,000 characters", error.Message);
    }

    [Fact]
    public void A_base_that_is_not_a_spec_is_reported_at_the_extends_without_its_content()
    {
        var secret = "root:$6$saltsalt$hashhashhash:19000:0:99999:7:::\ndaemon:*:19000:0:99999:7:::";
        var text = "extends: shadow\n" + Specs.Valid;
        var compilation = Specs.Compile(text, ("shadow", secret));
        var error = compilation.Diagnostics.SingleOrDefault(d => d.Location.File == "/specs/spec.yaml" && d.Location.StartLine == 0);
        Assert.True(error is not null, string.Join("; ", compilation.Diagnostics));
        Assert.Contains("is not a DeepDsl spec", error.Message);
        Assert.DoesNotContain(compilation.Diagnostics, d => d.Message.Contains("saltsalt") || d.Message.Contains("daemon") || d.Location.File.EndsWith("shadow"));
    }

    [Fact]
    public void Line_terminators_in_every_string_field_give_a_spec_or_located_diagnostics()
    {
        var random = new Random(9);
        string[] pieces = ["\\n", "\\r", "\\N", "\\L", "\\P", "\\t", "\\\"", "\\\\", "*/", "#line 1", "\\x00", "\\U0001F600", "\\uD800", "a"];
        foreach (var field in new[] { "name", "description", "device", "path", "monitor" })
            for (var i = 0; i < 50; i++)
            {
                var value = "\"" + string.Concat(Enumerable.Range(0, random.Next(1, 8)).Select(_ => pieces[random.Next(pieces.Length)])) + "\"";
                var text = field switch
                {
                    "name" => Specs.Valid.Replace("name: test", $"name: {value}"),
                    "description" => Specs.Valid + $"\ndescription: {value}\n",
                    "device" => Specs.Valid.Replace("epochs: 5", $"epochs: 5\n  device: {value}"),
                    "path" => Specs.Valid.Replace("validation: 1000", $"validation: 1000, path: {value}"),
                    _ => Specs.Valid.Replace("epochs: 5", $"epochs: 5\n  early_stopping: {{ monitor: {value} }}"),
                };
                var compilation = Specs.Compile(text);
                Assert.True(compilation.Spec is not null || compilation.Errors.Any(), text);
                Assert.DoesNotContain(compilation.Diagnostics, d => d.Message.Contains("internal error"));
            }
    }
}
