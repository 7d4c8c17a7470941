using System.Collections.Generic;

namespace DeepDsl.Dsl.Registry;

/// <summary>
/// An activation: its family (for the rules), the runtime module it becomes (<paramref name="RuntimeType"/>, constructed
/// with the arguments in order) and the <c>torch.nn.functional</c> function a dense layer calls instead
/// (<paramref name="Functional"/>; null when the activation has learned weights and must be a module, or is the identity).
/// </summary>
public sealed record ActivationDeclaration(string Name, string Doc, ActivationFamily Family, string RuntimeType, string? Functional,
    IReadOnlyList<Argument> Arguments) : Declaration(Name, Doc, Arguments)
{
    /// <summary>Learned weights, one per unit: the module takes the layer's width first (PReLU).</summary>
    public bool PerUnit { get; init; }

    /// <summary>Computed along the last axis: the call passes it (-1) after the arguments (softmax).</summary>
    public bool LastAxis { get; init; }

    /// <summary>
    /// Applied as a module even after a dense layer: it has learned weights (PReLU) or no <c>torch.nn.functional</c>
    /// function (its module composes other ops). The identity is neither.
    /// </summary>
    public bool IsModuleOnly => Functional is null && Family != ActivationFamily.Linear;

    /// <summary>The runtime's OutputActivation when a network ends with it: the loss folds Softmax and Sigmoid in.</summary>
    public string OutputActivation { get; init; } = "Linear";
}
