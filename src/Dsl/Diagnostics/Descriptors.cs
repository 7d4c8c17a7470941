using System.Collections.Generic;
using System.Linq;

namespace DeepDsl.Dsl.Diagnostics;

/// <summary>Every diagnostic the language reports — the one list (docs/diagnostics/DDSLnnn.md explains each).</summary>
public static class Descriptors
{
    private const string Syntax = "Syntax", Schema = "Schema", Composition = "Composition", SelfNormalization = "SelfNormalization",
        Initialization = "Initialization", Optimizer = "Optimizer", Output = "Output", Training = "Training";

    public static readonly DiagnosticDescriptor YamlSyntax = new("DDSL001", "YAML syntax error", DiagnosticSeverity.Error, Syntax);
    public static readonly DiagnosticDescriptor UnknownKey = new("DDSL002", "Unknown key", DiagnosticSeverity.Error, Schema);
    public static readonly DiagnosticDescriptor WrongType = new("DDSL003", "Value of the wrong type", DiagnosticSeverity.Error, Schema);
    public static readonly DiagnosticDescriptor MissingKey = new("DDSL004", "Required key missing", DiagnosticSeverity.Error, Schema);
    public static readonly DiagnosticDescriptor DuplicateKey = new("DDSL005", "Duplicate key", DiagnosticSeverity.Error, Syntax);
    public static readonly DiagnosticDescriptor OutOfRange = new("DDSL006", "Value out of range", DiagnosticSeverity.Error, Schema);
    public static readonly DiagnosticDescriptor FileTooLarge = new("DDSL007", "Spec file too large", DiagnosticSeverity.Error, Syntax);
    public static readonly DiagnosticDescriptor AliasExpansion = new("DDSL008", "YAML aliases expand too far", DiagnosticSeverity.Error, Syntax);
    public static readonly DiagnosticDescriptor ExtendsNotFound = new("DDSL009", "extends: file not found", DiagnosticSeverity.Error, Composition);
    public static readonly DiagnosticDescriptor ExtendsCycle = new("DDSL010", "extends: cycle", DiagnosticSeverity.Error, Composition);
    public static readonly DiagnosticDescriptor InvalidName = new("DDSL012", "Invalid or duplicate name", DiagnosticSeverity.Error, Schema);
    public static readonly DiagnosticDescriptor InputShape = new("DDSL013", "Model input does not match the data", DiagnosticSeverity.Error, Schema);
    public static readonly DiagnosticDescriptor LayerShape = new("DDSL019", "Layer does not fit the shape it gets", DiagnosticSeverity.Error, Schema);
    public static readonly DiagnosticDescriptor ValidationSet = new("DDSL020", "Two validation sets, or half of one", DiagnosticSeverity.Error, Schema);
    public static readonly DiagnosticDescriptor AmbiguousAlias = new("DDSL014", "Key given twice under two names", DiagnosticSeverity.Error, Schema);
    public static readonly DiagnosticDescriptor NotApplicable = new("DDSL015", "Setting does not apply here", DiagnosticSeverity.Error, Schema);
    public static readonly DiagnosticDescriptor NestingTooDeep = new("DDSL016", "YAML nested too deeply", DiagnosticSeverity.Error, Syntax);
    public static readonly DiagnosticDescriptor InvalidSweep = new("DDSL018", "Invalid sweep", DiagnosticSeverity.Error, Composition);
    public static readonly DiagnosticDescriptor ExtendsRefused = new("DDSL017", "extends: file not allowed", DiagnosticSeverity.Error, Composition);

    public static readonly DiagnosticDescriptor SeluInit = new("DDSL101", "SELU needs LeCun-normal initialization", DiagnosticSeverity.Error, SelfNormalization);
    public static readonly DiagnosticDescriptor SeluInputs = new("DDSL102", "SELU needs standardized inputs", DiagnosticSeverity.Error, SelfNormalization);
    public static readonly DiagnosticDescriptor SeluSequence = new("DDSL103", "SELU needs a plain sequence of dense layers", DiagnosticSeverity.Error, SelfNormalization);
    public static readonly DiagnosticDescriptor SeluDropout = new("DDSL104", "Regular dropout breaks self-normalization", DiagnosticSeverity.Error, SelfNormalization);
    public static readonly DiagnosticDescriptor SeluRegularization = new("DDSL105", "l1/l2/max-norm break self-normalization", DiagnosticSeverity.Warning, SelfNormalization);
    public static readonly DiagnosticDescriptor SeluMixed = new("DDSL106", "SELU mixed with other hidden activations", DiagnosticSeverity.Warning, SelfNormalization);
    public static readonly DiagnosticDescriptor AlphaDropoutWithoutSelu = new("DDSL107", "alpha_dropout in a network that is not self-normalizing", DiagnosticSeverity.Warning, SelfNormalization);
    public static readonly DiagnosticDescriptor SeluUniformInit = new("DDSL108", "SELU with LeCun-uniform initialization", DiagnosticSeverity.Warning, SelfNormalization);

    public static readonly DiagnosticDescriptor ConstantInit = new("DDSL201", "All weights initialized to one value", DiagnosticSeverity.Error, Initialization);
    public static readonly DiagnosticDescriptor HeWithSaturating = new("DDSL202", "He initialization with sigmoid or tanh", DiagnosticSeverity.Warning, Initialization);
    public static readonly DiagnosticDescriptor GlorotWithRelu = new("DDSL203", "Glorot initialization with a ReLU-family activation", DiagnosticSeverity.Warning, Initialization);

    public static readonly DiagnosticDescriptor MomentumTooHigh = new("DDSL301", "Momentum too close to 1", DiagnosticSeverity.Warning, Optimizer);
    public static readonly DiagnosticDescriptor NesterovWithoutMomentum = new("DDSL302", "Nesterov without momentum", DiagnosticSeverity.Error, Optimizer);

    public static readonly DiagnosticDescriptor HiddenSoftmax = new("DDSL401", "softmax in a hidden layer", DiagnosticSeverity.Error, Output);
    public static readonly DiagnosticDescriptor MulticlassOutput = new("DDSL402", "Multiclass loss needs a softmax output with one unit per class", DiagnosticSeverity.Error, Output);
    public static readonly DiagnosticDescriptor BinaryOutput = new("DDSL403", "Binary loss needs one sigmoid output unit", DiagnosticSeverity.Error, Output);

    public static readonly DiagnosticDescriptor UnknownMonitor = new("DDSL501", "Monitored metric is not produced", DiagnosticSeverity.Error, Training);
    public static readonly DiagnosticDescriptor McDropoutWithoutDropout = new("DDSL502", "MC dropout without a dropout layer", DiagnosticSeverity.Error, Training);
    public static readonly DiagnosticDescriptor OneCycleSteps = new("DDSL503", "one_cycle needs a known number of steps", DiagnosticSeverity.Error, Training);

    public static IReadOnlyList<DiagnosticDescriptor> All { get; } = typeof(Descriptors).GetFields()
        .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
        .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
        .OrderBy(d => d.Id, System.StringComparer.Ordinal)
        .ToList();

    public static DiagnosticDescriptor ById(string id) => All.First(d => d.Id == id);
}
