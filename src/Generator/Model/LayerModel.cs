using DeepDsl.Dsl.Model;

namespace DeepDsl.Generator.Model;

/// <summary>
/// One layer as the emitter needs it: its C# property, the expression that constructs its module,
/// the activation applied after it (a format with {0} for the input), penalties and constraints,
/// and the YAML line it came from (for #line). Pre-rendered strings keep the model equatable.
/// </summary>
internal sealed record LayerModel(
    string Name,
    string Property,
    string ModuleType,
    string Construction,
    string? Activation,
    ActivationModuleModel? ActivationModule,
    bool IsOutputActivation,
    bool OmitFromLogits,
    double L1,
    double L2,
    double? MaxNorm,
    string File,
    int Line,
    string Summary)
{
    /// <summary>Locals that keep this layer's input for the residual blocks that start here (outermost first).</summary>
    public EquatableArray<string> SavesInputAs { get; init; } = new([]);

    /// <summary>Set on a residual block's end: where its input was kept and whether it goes through the projection module.</summary>
    public ResidualModel? Residual { get; init; }

    /// <summary>Whether the layer is a module (a residual block without projection is only a sum in forward).</summary>
    public bool HasModule => Construction.Length > 0;
}

/// <summary>The sum that closes a residual block: the local holding the block's input, and whether the layer's module projects it.</summary>
internal sealed record ResidualModel(string SkipVariable, bool Projected);

/// <summary>An activation with parameters of its own (PReLU), emitted as a module beside its layer.</summary>
internal sealed record ActivationModuleModel(string Name, string Property, string ModuleType, string Construction);
