using DeepDsl.Dsl.Diagnostics;
using static DeepDsl.Dsl.Tests.Specs;

namespace DeepDsl.Dsl.Tests;

public sealed class ExtendsTests
{
    [Fact]
    public void A_variant_changes_its_base_and_errors_point_into_the_file_holding_the_value()
    {
        var baseSpec = Selu.Replace("selu, kernel_init: lecun_normal }\n    - dense: { units: 10", "selu, kernel_init: he_normal }\n    - dense: { units: 10");
        var variant = "extends: base.yaml\nname: variant\ntraining:\n  epochs: 9\n";
        var compilation = Compile(variant, ("base.yaml", baseSpec));
        AssertAt(Single(compilation, "DDSL101"), DiagnosticSeverity.Error, Find(baseSpec, "he_normal"), "/specs/base.yaml");
    }

    [Fact]
    public void Maps_merge_lists_replace_null_removes_and_another_optimizer_kind_replaces()
    {
        var variant = """
            extends: base.yaml
            name: variant
            data: { validation: 2000 }
            model:
              layers:
                - flatten
                - dense: { units: 10, activation: softmax }
            training:
              optimizer: { sgd: { momentum: 0.9 } }
              early_stopping: null
            """;
        var baseSpec = Valid.Replace("  epochs: 5", "  epochs: 5\n  early_stopping: { patience: 3 }");
        var spec = Compile(variant, ("base.yaml", baseSpec)).Spec!;
        Assert.Equal("variant", spec.Name);
        Assert.Equal(2000, spec.Data.Validation);
        Assert.Equal("cifar10", spec.Data.Dataset);
        Assert.Equal(2, spec.Model.Layers.Count);
        Assert.Equal("sgd", spec.Training.Optimizer.Kind);
        Assert.Equal(0.9, spec.Training.Optimizer.Number("momentum"));
        Assert.Null(spec.Training.EarlyStopping);
        Assert.Equal("/specs/base.yaml", spec.Sources["training.loss"].File);
        Assert.Equal("/specs/spec.yaml", spec.Sources["data.validation"].File);
    }

    [Fact]
    public void A_cycle_is_reported_with_the_chain()
    {
        var d = Single(Compile("extends: a.yaml\nname: x\n", ("a.yaml", "extends: spec.yaml\nname: a\n")), "DDSL010");
        Assert.Contains("spec.yaml → a.yaml → spec.yaml", d.Message);
    }

    [Fact]
    public void A_missing_base_names_the_path_it_looked_for()
    {
        var d = Single(Compile("extends: missing.yaml\nname: x\n"), "DDSL009");
        Assert.Contains("/specs/missing.yaml", d.Message);
        Assert.Equal((1, 10), (d.Location.StartLine + 1, d.Location.StartColumn + 1));
    }

    [Fact]
    public void Repeat_expands_with_stable_names_and_the_template_location()
    {
        var spec = Compile(Valid.Replace("    - dense: { units: 50, activation: elu, kernel_init: he_normal }",
            "    - repeat: 3\n      layers:\n        - dense: { units: 50, activation: elu, kernel_init: he_normal }")).Spec!;
        Assert.Equal(["flatten_1", "dense_1", "dense_2", "dense_3", "dense_4"], spec.Model.Layers.Select(l => l.Name));
        Assert.Equal(spec.Sources[spec.Model.Layers[1].Path], spec.Sources[spec.Model.Layers[3].Path]);
    }

    [Fact]
    public void The_content_hash_ignores_formatting_and_defaults_written_out()
    {
        var a = Compile(Valid).Spec!;
        var b = Compile("# a comment\n" + Valid.Replace("{ nadam: { learning_rate: 0.001 } }", "\n    nadam:\n      learning_rate: 1.0e-3\n      beta_1: 0.9") + "\nseed: 42\n").Spec!;
        Assert.Equal(a.ContentHash, b.ContentHash);
        Assert.Equal(a, b);
        Assert.NotEqual(a.ContentHash, Compile(Valid.Replace("epochs: 5", "epochs: 6")).Spec!.ContentHash);
    }
}
