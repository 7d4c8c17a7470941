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
    string Summary);

/// <summary>An activation with parameters of its own (PReLU), emitted as a module beside its layer.</summary>
internal sealed record ActivationModuleModel(string Name, string Property, string ModuleType, string Construction);
