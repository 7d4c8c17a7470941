namespace DeepDsl.Dsl.Model;

public sealed record DenseLayer(string Name, string Path, long Units, ActivationSpec Activation, InitializerSpec KernelInit, InitializerSpec BiasInit,
    bool UseBias, double L1, double L2, double? MaxNorm) : LayerSpec(Name, Path), IHasKernel, IActivated
{
    public override string Kind => "dense";
}
