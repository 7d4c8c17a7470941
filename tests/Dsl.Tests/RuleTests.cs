using DeepDsl.Dsl.Diagnostics;
using static DeepDsl.Dsl.Tests.Specs;

namespace DeepDsl.Dsl.Tests;

/// <summary>Each rule: a spec that breaks it (id, severity, line and column asserted) and one that passes.</summary>
public sealed class RuleTests
{
    [Fact]
    public void The_valid_specs_have_no_diagnostics()
    {
        Assert.Empty(Compile(Valid).Diagnostics);
        Assert.Empty(Compile(Selu).Diagnostics);
    }

    [Fact]
    public void DDSL101_selu_with_another_initializer()
    {
        var spec = Selu.Replace("selu, kernel_init: lecun_normal }\n    - dense: { units: 10", "selu, kernel_init: he_normal }\n    - dense: { units: 10");
        AssertAt(Single(Compile(spec), "DDSL101"), DiagnosticSeverity.Error, Find(spec, "he_normal"));
    }

    [Fact]
    public void A_rule_attaches_its_one_obvious_fix_and_the_printed_diagnostic_does_not_change()
    {
        var diagnostic = Single(Compile(Selu.Replace("selu, kernel_init: lecun_normal }\n    - dense: { units: 10", "selu, kernel_init: he_normal }\n    - dense: { units: 10")), "DDSL101");
        Assert.Equal("lecun_normal", diagnostic.Fix);
        Assert.Equal((diagnostic with { Fix = null }).ToString(), diagnostic.ToString()); // validate and the generator print no fix
        // Spatial dropout has no self-normalizing twin: DDSL104 without a fix.
        Assert.Null(Single(Compile(Selu.Replace("    - dense: { units: 10", "    - spatial_dropout: 0.2\n    - dense: { units: 10")), "DDSL104").Fix);
    }

    [Fact]
    public void DDSL108_selu_with_lecun_uniform_is_a_warning_not_an_error()
    {
        var spec = Selu.Replace("selu, kernel_init: lecun_normal }\n    - dense: { units: 10", "selu, kernel_init: lecun_uniform }\n    - dense: { units: 10");
        var compilation = Compile(spec);
        var diagnostic = Single(compilation, "DDSL108");
        AssertAt(diagnostic, DiagnosticSeverity.Warning, Find(spec, "lecun_uniform"));
        Assert.Contains("lecun_normal", diagnostic.Message);
        Assert.DoesNotContain(compilation.Diagnostics, d => d.Id == "DDSL101");
        Assert.NotNull(compilation.Spec);
    }

    [Fact]
    public void A_linear_dense_followed_by_a_selu_activation_layer_is_a_plain_selu_sequence()
    {
        var spec = Selu.Replace("    - dense: { units: 50, activation: selu, kernel_init: lecun_normal }\n    - dense: { units: 10",
            "    - dense: { units: 50, kernel_init: lecun_normal }\n    - activation: selu\n    - dense: { units: 10");
        Assert.Empty(Compile(spec).Diagnostics);
    }

    [Fact]
    public void A_linear_dense_followed_by_a_selu_activation_layer_has_its_initializer_checked()
    {
        var spec = Selu.Replace("    - dense: { units: 50, activation: selu, kernel_init: lecun_normal }\n    - dense: { units: 10",
            "    - dense: { units: 50, kernel_init: he_normal }\n    - activation: selu\n    - dense: { units: 10");
        var compilation = Compile(spec);
        AssertAt(Single(compilation, "DDSL101"), DiagnosticSeverity.Error, Find(spec, "he_normal"));
        Assert.DoesNotContain(compilation.Diagnostics, d => d.Id == "DDSL103");
    }

    [Fact]
    public void A_selu_activation_layer_after_anything_but_a_linear_dense_still_breaks_the_sequence()
    {
        var spec = Selu.Replace("    - dense: { units: 10", "    - alpha_dropout: 0.1\n    - activation: selu\n    - dense: { units: 10");
        var item = Find(spec, "- activation: selu");
        AssertAt(Single(Compile(spec), "DDSL103"), DiagnosticSeverity.Error, (item.Line, item.Column + 2));
    }

    [Fact]
    public void A_rule_broken_in_a_repeat_block_is_reported_once_for_the_block()
    {
        var spec = Selu.Replace("    - dense: { units: 50, activation: selu, kernel_init: lecun_normal }\n    - dense: { units: 50, activation: selu, kernel_init: lecun_normal }\n",
            "    - repeat: 20\n      layers:\n        - dense: { units: 50, activation: selu, kernel_init: he_normal }\n");
        var diagnostic = Single(Compile(spec), "DDSL101");
        AssertAt(diagnostic, DiagnosticSeverity.Error, Find(spec, "he_normal"));
        Assert.EndsWith("(in all 20 layers of this repeat block: dense_1 … dense_20)", diagnostic.Message);
    }

    [Fact]
    public void A_named_layer_in_a_repeat_block_is_one_duplicate_name_error_not_one_per_copy()
    {
        var spec = Valid.Replace("    - dense: { units: 50, activation: elu, kernel_init: he_normal }\n",
            "    - repeat: 5\n      layers:\n        - dense: { units: 50, activation: elu, kernel_init: he_normal, name: hidden }\n");
        Assert.Contains("already named 'hidden'", Single(Compile(spec), "DDSL012").Message);
    }

    [Fact]
    public void DDSL102_selu_without_standardized_inputs()
    {
        var spec = Selu.Replace(", standardize: true", "");
        AssertAt(Single(Compile(spec), "DDSL102"), DiagnosticSeverity.Error, Find(spec, "{ dataset"));
        var explicitFalse = Selu.Replace("standardize: true", "standardize: false");
        AssertAt(Single(Compile(explicitFalse), "DDSL102"), DiagnosticSeverity.Error, Find(explicitFalse, "false"));
    }

    [Fact]
    public void DDSL103_batch_norm_in_a_selu_network()
    {
        var spec = Selu.Replace("    - dense: { units: 10", "    - batch_norm\n    - dense: { units: 10");
        AssertAt(Single(Compile(spec), "DDSL103"), DiagnosticSeverity.Error, Find(spec, "batch_norm"));
    }

    [Fact]
    public void DDSL104_regular_dropout_in_a_selu_network_and_alpha_dropout_is_fine()
    {
        var spec = Selu.Replace("    - dense: { units: 10", "    - dropout: 0.2\n    - dense: { units: 10");
        AssertAt(Single(Compile(spec), "DDSL104"), DiagnosticSeverity.Error, Find(spec, "dropout"));
        Assert.Equal("alpha_dropout", Single(Compile(spec), "DDSL104").Fix);
        Assert.Empty(Compile(Selu.Replace("    - dense: { units: 10", "    - alpha_dropout: 0.2\n    - dense: { units: 10")).Diagnostics);
    }

    [Fact]
    public void DDSL105_l2_in_a_selu_network_warns()
    {
        var spec = Selu.Replace("kernel_init: lecun_normal }\n    - dense: { units: 10", "kernel_init: lecun_normal, l2: 0.01 }\n    - dense: { units: 10");
        AssertAt(Single(Compile(spec), "DDSL105"), DiagnosticSeverity.Warning, Find(spec, "0.01"));
    }

    [Fact]
    public void DDSL106_selu_mixed_with_relu_warns()
    {
        var spec = Selu.Replace("selu, kernel_init: lecun_normal }\n    - dense: { units: 10", "relu, kernel_init: he_normal }\n    - dense: { units: 10");
        AssertAt(Single(Compile(spec), "DDSL106"), DiagnosticSeverity.Warning, Find(spec, "relu"));
    }

    [Fact]
    public void DDSL107_alpha_dropout_without_selu_warns()
    {
        var spec = Valid.Replace("    - dense: { units: 10", "    - alpha_dropout: 0.1\n    - dense: { units: 10");
        AssertAt(Single(Compile(spec), "DDSL107"), DiagnosticSeverity.Warning, Find(spec, "alpha_dropout"));
    }

    [Theory]
    [InlineData("zeros")]
    [InlineData("{ constant: 0.5 }")]
    [InlineData("{ normal: { stddev: 0 } }")]
    public void DDSL201_same_value_kernel_initializer(string init)
    {
        var spec = Valid.Replace("kernel_init: he_normal", "kernel_init: " + init);
        AssertAt(Single(Compile(spec), "DDSL201"), DiagnosticSeverity.Error, Find(spec, init.TrimStart('{', ' ').Split(':')[0].Trim()));
    }

    [Fact]
    public void DDSL202_he_with_tanh_warns_and_glorot_passes()
    {
        var spec = Valid.Replace("elu, kernel_init: he_normal", "tanh, kernel_init: he_normal");
        var d = Single(Compile(spec), "DDSL202");
        AssertAt(d, DiagnosticSeverity.Warning, Find(spec, "he_normal"));
        Assert.Contains("glorot_normal", d.Message);
        Assert.Empty(Compile(Valid.Replace("elu, kernel_init: he_normal", "tanh, kernel_init: glorot_normal")).Diagnostics);
    }

    [Fact]
    public void DDSL203_glorot_with_relu_warns()
    {
        var spec = Valid.Replace("elu, kernel_init: he_normal", "relu, kernel_init: glorot_uniform");
        var d = Single(Compile(spec), "DDSL203");
        AssertAt(d, DiagnosticSeverity.Warning, Find(spec, "glorot_uniform"));
        Assert.Contains("he_uniform", d.Message);
    }

    [Fact]
    public void DDSL301_momentum_too_close_to_one_warns()
    {
        var spec = Valid.Replace("{ nadam: { learning_rate: 0.001 } }", "{ sgd: { momentum: 0.9995 } }");
        AssertAt(Single(Compile(spec), "DDSL301"), DiagnosticSeverity.Warning, Find(spec, "0.9995"));
        Assert.Equal("0.9", Single(Compile(spec), "DDSL301").Fix);
        var beta = Valid.Replace("learning_rate: 0.001", "beta_1: 0.99995");
        AssertAt(Single(Compile(beta), "DDSL301"), DiagnosticSeverity.Warning, Find(beta, "0.99995"));
        var rho = Valid.Replace("{ nadam: { learning_rate: 0.001 } }", "{ rmsprop: { rho: 0.99995 } }");
        AssertAt(Single(Compile(rho), "DDSL301"), DiagnosticSeverity.Warning, Find(rho, "0.99995"));
        Assert.Empty(Compile(Valid.Replace("{ nadam: { learning_rate: 0.001 } }", "{ sgd: { momentum: 0.9 } }")).Diagnostics);
    }

    [Fact]
    public void DDSL302_nesterov_without_momentum()
    {
        var spec = Valid.Replace("{ nadam: { learning_rate: 0.001 } }", "{ sgd: { nesterov: true } }");
        AssertAt(Single(Compile(spec), "DDSL302"), DiagnosticSeverity.Error, Find(spec, "true"));
        Assert.Empty(Compile(Valid.Replace("{ nadam: { learning_rate: 0.001 } }", "{ sgd: { nesterov: true, momentum: 0.9 } }")).Diagnostics);
    }

    [Fact]
    public void DDSL401_softmax_in_a_hidden_layer()
    {
        var spec = Valid.Replace("elu, kernel_init: he_normal", "softmax, kernel_init: he_normal");
        AssertAt(Single(Compile(spec), "DDSL401"), DiagnosticSeverity.Error, Find(spec, "softmax"));
    }

    [Fact]
    public void DDSL402_multiclass_output_must_be_softmax_with_one_unit_per_class()
    {
        var units = Valid.Replace("units: 10, activation: softmax", "units: 7, activation: softmax");
        AssertAt(Single(Compile(units), "DDSL402"), DiagnosticSeverity.Error, Find(units, "7"));
        var activation = Valid.Replace("units: 10, activation: softmax", "units: 10, activation: sigmoid");
        AssertAt(Single(Compile(activation), "DDSL402"), DiagnosticSeverity.Error, Find(activation, "sigmoid"));
    }

    [Fact]
    public void DDSL403_binary_loss_needs_one_sigmoid_unit()
    {
        var spec = Valid.Replace("sparse_categorical_crossentropy", "binary_crossentropy");
        AssertAt(Single(Compile(spec), "DDSL403"), DiagnosticSeverity.Error, Find(spec, "10, activation"));
    }

    [Fact]
    public void DDSL501_monitor_must_be_produced()
    {
        var spec = Valid.Replace("  epochs: 5", "  epochs: 5\n  early_stopping: { monitor: val_acuracy }");
        AssertAt(Single(Compile(spec), "DDSL501"), DiagnosticSeverity.Error, Find(spec, "val_acuracy"));
        var noValidation = Valid.Replace(", validation: 1000", "").Replace("  epochs: 5", "  epochs: 5\n  early_stopping: { monitor: val_loss }");
        Assert.Contains("data.validation", Single(Compile(noValidation), "DDSL501").Message);
        Assert.Empty(Compile(Valid.Replace("  epochs: 5", "  epochs: 5\n  early_stopping: { monitor: val_accuracy }")).Diagnostics);
    }

    [Fact]
    public void DDSL502_mc_dropout_needs_a_dropout_layer()
    {
        var spec = Valid + "\nevaluation: { mc_dropout: { samples: 10 } }\n";
        AssertAt(Single(Compile(spec), "DDSL502"), DiagnosticSeverity.Error, Find(spec, "{ samples"));
    }

    [Fact]
    public void DDSL503_one_cycle_with_early_stopping()
    {
        var spec = Valid.Replace("  epochs: 5", "  epochs: 5\n  schedule: { one_cycle: { max_lr: 0.01 } }\n  early_stopping: { patience: 3 }");
        AssertAt(Single(Compile(spec), "DDSL503"), DiagnosticSeverity.Error, Find(spec, "{ patience"));
        Assert.Empty(Compile(Valid.Replace("  epochs: 5", "  epochs: 5\n  schedule: { one_cycle: { max_lr: 0.01 } }")).Diagnostics);
    }

    [Fact]
    public void DDSL019_dense_on_unflattened_images()
    {
        var spec = Valid.Replace("    - flatten\n", "");
        var d = Single(Compile(spec), "DDSL019");
        AssertAt(d, DiagnosticSeverity.Error, Find(spec, "dense"));
        Assert.Contains("'dense_1' (dense) needs a vector but gets [3, 32, 32]: add '- flatten' before it", d.Message);
    }

    [Fact]
    public void DDSL013_input_that_is_not_the_datasets_shape()
    {
        var spec = Valid.Replace("input: [3, 32, 32]", "input: [28, 28, 1]");
        var d = Single(Compile(spec), "DDSL013");
        AssertAt(d, DiagnosticSeverity.Error, Find(spec, "[28, 28, 1]"));
        Assert.Contains("[3, 32, 32]", d.Message);
    }

    /// <summary>The passing side of each rule: the nearest spec that follows it compiles without a diagnostic.</summary>
    [Theory]
    [InlineData("DDSL101/102/103", "selu", "    - dense: { units: 10", "    - alpha_dropout: 0.05\n    - dense: { units: 10")]
    [InlineData("DDSL105", "selu", "kernel_init: lecun_normal }\n    - dense: { units: 10", "kernel_init: lecun_normal, l1: 0, l2: 0 }\n    - dense: { units: 10")]
    [InlineData("DDSL106", "selu", "    - dense: { units: 10", "    - dense: { units: 20, activation: selu, kernel_init: lecun_normal }\n    - dense: { units: 10")]
    [InlineData("DDSL107", "valid", "    - dense: { units: 10", "    - dropout: 0.1\n    - dense: { units: 10")]
    [InlineData("DDSL201", "valid", "kernel_init: he_normal", "kernel_init: { normal: { stddev: 0.01 } }, bias_init: zeros")]
    [InlineData("DDSL202", "valid", "elu, kernel_init: he_normal", "sigmoid, kernel_init: glorot_uniform")]
    [InlineData("DDSL203", "valid", "elu, kernel_init: he_normal", "relu, kernel_init: he_uniform")]
    [InlineData("DDSL301", "valid", "{ nadam: { learning_rate: 0.001 } }", "{ rmsprop: { momentum: 0.99, rho: 0.9 } }")]
    [InlineData("DDSL401", "valid", "elu, kernel_init: he_normal", "gelu, kernel_init: he_normal")]
    [InlineData("DDSL403", "valid", "sparse_categorical_crossentropy", "binary_crossentropy")]
    [InlineData("DDSL502", "valid", "    - dense: { units: 10", "    - dropout: 0.2\n    - dense: { units: 10")]
    [InlineData("DDSL019", "valid", "    - flatten\n", "    - flatten\n    - batch_norm\n")]
    public void A_spec_that_follows_the_rule_passes(string rule, string start, string from, string to)
    {
        var spec = (start == "selu" ? Selu : Valid).Replace(from, to);
        if (rule == "DDSL403") spec = spec.Replace("units: 10, activation: softmax", "units: 1, activation: sigmoid");
        if (rule == "DDSL502") spec += "\nevaluation: { mc_dropout: { samples: 10 } }\n";
        Assert.NotEqual(start == "selu" ? Selu : Valid, spec);
        Assert.True(Compile(spec).Diagnostics.Count == 0, $"{rule}: {string.Join("; ", Compile(spec).Diagnostics)}");
    }

    [Fact]
    public void Severity_options_change_and_suppress_diagnostics()
    {
        var spec = Valid.Replace("    - dense: { units: 10", "    - alpha_dropout: 0.1\n    - dense: { units: 10");
        var files = new DeepDsl.Dsl.Resolution.InMemoryFileSystem(new Dictionary<string, string> { ["/s.yaml"] = spec });
        Assert.Equal(DiagnosticSeverity.Error, SpecCompiler.Compile("/s.yaml", files, new DiagnosticOptions(WarningsAsErrors: true)).Diagnostics.Single().Severity);
        Assert.Empty(SpecCompiler.Compile("/s.yaml", files, new DiagnosticOptions(new Dictionary<string, DiagnosticSeverity> { ["DDSL107"] = DiagnosticSeverity.None })).Diagnostics);
        Assert.Null(SpecCompiler.Compile("/s.yaml", files, new DiagnosticOptions(new Dictionary<string, DiagnosticSeverity> { ["DDSL107"] = DiagnosticSeverity.Error })).Spec);
    }
}
