using DeepDsl.Dsl.Model;

namespace DeepDsl.Dsl.Tests;

/// <summary>Rules ask for capabilities (a kernel, an activation), so a layer kind they have never seen is checked the day it exists.</summary>
public sealed class CapabilityRuleTests
{
    /// <summary>A kernel layer no rule has heard of (the language does not have it).</summary>
    private sealed record LocallyConnectedLayer(string Name, string Path, InitializerSpec KernelInit, ActivationSpec Activation) : LayerSpec(Name, Path), IHasKernel, IActivated
    {
        public override string Kind => "locally_connected";
        public override DeepDsl.Dsl.Shapes.ShapeResult Output(DeepDsl.Dsl.Shapes.TensorShape input) => DeepDsl.Dsl.Shapes.ShapeResult.Of(input);
        public InitializerSpec BiasInit => KernelInit with { Kind = "zeros" };
        public double L1 => 0;
        public double L2 => 0.01;
        public double? MaxNorm => null;
    }

    private static IReadOnlyList<string> Check(string kernelInit, string activation, string spec = Specs.Valid)
    {
        var compiled = Specs.Compile(spec).Spec!;
        var dense = (DenseLayer)compiled.Model.Layers[1];
        var conv = new LocallyConnectedLayer("conv", dense.Path, new InitializerSpec(kernelInit, new EquatableArray<Setting>([])), new ActivationSpec(activation));
        var layers = compiled.Model.Layers.Select(l => ReferenceEquals(l, dense) ? conv : l);
        var changed = compiled with { Model = compiled.Model with { Layers = new EquatableArray<LayerSpec>(layers) } };
        return Rules.RuleSet.All.SelectMany(r => r.Check(changed)).Where(d => d.Message.Contains("'conv'")).Select(d => d.Id).ToList();
    }

    [Fact]
    public void Glorot_with_relu_is_reported_on_a_layer_kind_the_rule_does_not_name() =>
        Assert.Equal(["DDSL203"], Check("glorot_uniform", "relu"));

    [Fact]
    public void He_with_tanh_is_reported_on_a_layer_kind_the_rule_does_not_name() =>
        Assert.Equal(["DDSL202"], Check("he_normal", "tanh"));

    [Fact]
    public void A_constant_kernel_is_reported_on_a_layer_kind_the_rule_does_not_name() =>
        Assert.Contains("DDSL201", Check("zeros", "relu"));

    [Fact]
    public void Selu_rules_check_the_initializer_and_the_penalties_of_a_layer_kind_they_do_not_name()
    {
        var found = Check("he_normal", "selu", Specs.Selu);
        Assert.Contains("DDSL101", found);
        Assert.Contains("DDSL105", found);
    }
}
