using DeepDsl.Dsl.Binding;
using DeepDsl.Dsl.Diagnostics;
using DeepDsl.Dsl.Model;
using DeepDsl.Dsl.Registry;
using DeepDsl.Dsl.Schema;
using static DeepDsl.Dsl.Tests.Specs;

namespace DeepDsl.Dsl.Tests;

/// <summary>
/// One declaration per concept: the schema is made from the registries, a name no declaration claims is a located error in
/// a spec and an internal error (naming the name and the asker) anywhere else, never some other kind by default.
/// </summary>
public sealed class RegistryTests
{
    public static TheoryData<string, string, string> UnknownNames => new()
    {
        { "- flatten", "- locally_connected: { filters: 8 }", "locally_connected" },
        { "activation: elu", "activation: hard_sigmoid", "hard_sigmoid" },
        { "kernel_init: he_normal", "kernel_init: variance_scaling", "variance_scaling" },
        { "optimizer: { nadam: { learning_rate: 0.001 } }", "optimizer: { lion: { learning_rate: 0.001 } }", "lion" },
        { "epochs: 5", "epochs: 5\n  schedule: { warmup_cosine: { decay_steps: 5 } }", "warmup_cosine" },
        { "loss: sparse_categorical_crossentropy", "loss: hinge", "hinge" },
        { "dataset: cifar10", "dataset: tfrecord", "tfrecord" },
    };

    [Theory]
    [MemberData(nameof(UnknownNames))]
    public void An_unknown_kind_in_a_spec_is_one_error_at_its_name(string known, string unknown, string name)
    {
        var spec = Valid.Replace(known, unknown);
        var compilation = Compile(spec);
        var error = Assert.Single(compilation.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        AssertAt(error, DiagnosticSeverity.Error, Find(spec, name));
        Assert.Contains(name, error.Message);
        Assert.Null(compilation.Spec);
    }

    [Fact]
    public void A_registry_asked_for_an_undeclared_name_throws_an_internal_error_naming_it_and_the_asker()
    {
        var error = Assert.Throws<UnknownKindException>(() => Activations.Get("hard_sigmoid", "a test"));
        Assert.Equal(("activation", "hard_sigmoid", "a test"), (error.Concept, error.Name, error.Asker));
        Assert.Contains("'hard_sigmoid'", error.Message);
        Assert.Contains("a test", error.Message);
        Assert.Throws<UnknownKindException>(() => Optimizers.Get("lion", "a test"));
        Assert.Throws<UnknownKindException>(() => Initializers.Get("variance_scaling", "a test"));
        Assert.Throws<UnknownKindException>(() => Schedules.Get("warmup", "a test"));
        Assert.Throws<UnknownKindException>(() => Losses.Get("hinge", "a test"));
    }

    [Fact]
    public void An_alias_resolves_to_the_kind_it_names()
    {
        Assert.Equal("sigmoid", Activations.Get("logistic", "a test").Name);
    }

    [Fact]
    public void The_spec_builder_refuses_a_layer_kind_it_cannot_build_instead_of_building_another()
    {
        var tree = Compile(Valid).Spec!.Tree!;
        var model = (BObject)tree["model"];
        var layers = (BList)model["layers"];
        var first = (BVariant)layers.Items[0];
        var changed = With(tree, "model", With(model, "layers", layers with { Items = [first with { Kind = "locally_connected" }, .. layers.Items.Skip(1)] }));
        var error = Assert.Throws<UnknownKindException>(() => SpecBuilder.Build(changed));
        Assert.Equal(("layer", "locally_connected", "SpecBuilder.Layers"), (error.Concept, error.Name, error.Asker));
    }

    [Fact]
    public void The_schema_offers_exactly_the_declared_kinds()
    {
        Assert.Equal(Activations.Registry.Names, LanguageSchema.Activation.Variants.Select(v => v.Name));
        Assert.Equal(Initializers.Registry.Names, LanguageSchema.Initializer.Variants.Select(v => v.Name));
        Assert.Equal(Optimizers.Registry.Names, LanguageSchema.Optimizers.Variants.Select(v => v.Name));
        Assert.Equal(Schedules.Registry.Names, LanguageSchema.Schedules.Variants.Select(v => v.Name));
        Assert.Equal([.. Layers.Registry.Names, "repeat", "residual"], LanguageSchema.Layer.Variants.Select(v => v.Name));
        var loss = (StringShape)LanguageSchema.Training.Find("loss")!.Shape;
        Assert.Equal(Losses.Registry.Names, loss.Values!);
    }

    [Fact]
    public void Leaky_relu_defaults_to_the_slope_the_language_declares()
    {
        var spec = Compile(Valid.Replace("activation: elu", "activation: leaky_relu")).Spec!;
        var dense = (DenseLayer)spec.Model.Layers[1];
        Assert.Equal(0.3, dense.Activation.Number("alpha"));
        Assert.Equal(0.3, Activations.Get("leaky_relu", "a test").Find("alpha")!.Default);
    }

    private static BObject With(BObject o, string key, BValue value) =>
        o with { Fields = o.Fields.Select(f => f.Key == key ? new KeyValuePair<string, BValue>(key, value) : f).ToList() };
}
