namespace DeepDsl.Dsl.Model;

/// <summary>
/// A layer with a weight kernel (its `kernel_init`, `bias_init`, and weight penalties and constraint): the initialization and
/// regularization rules ask for this, so a new layer with weights is checked by them the day it is added.
/// </summary>
public interface IHasKernel
{
    InitializerSpec KernelInit { get; }

    InitializerSpec BiasInit { get; }

    double L1 { get; }

    double L2 { get; }

    double? MaxNorm { get; }
}
