using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using DeepDsl.Dsl.Model;
using DeepDsl.Dsl.Naming;
using DeepDsl.Dsl.Registry;
using DeepDsl.Dsl.Schema;
using DeepDsl.Dsl.Shapes;
using DeepDsl.Generator.Emitting;
using DeepDsl.Generator.Model;

namespace DeepDsl.Generator.Parsing;

/// <summary>
/// Maps a resolved spec to the emitter's model: each layer's module type and constructor call (with
/// in-features tracked through the network), activations, the typed optimizer options, and the data,
/// training and schedule settings, all as C# text. The one table from language names to runtime types.
/// </summary>
internal static class ExperimentModelBuilder
{
    public const string Namespace = "DeepDsl.Generated";
    private const string Nn = "global::DeepDsl.Nn";
    private const string Init = "global::DeepDsl.Nn.Init";
    private const string F = "global::DeepDsl.Torch.torch.nn.functional";
    private const string Exp = "global::DeepDsl.Experiments";
    private const string Sched = "global::DeepDsl.Schedules";

    public static ExperimentModel Build(ExperimentSpec spec, string specPath)
    {
        // The rules have checked every shape (DDSL019): each layer's in-features and channels, and the summary, come from here.
        var shapes = ShapeInference.Infer(spec.Model);
        var layers = Layers(spec, shapes).ToList();
        var outputActivation = Network(spec);
        return new ExperimentModel(Namespace, Names.Identifier(spec.Name), spec.Name, spec.Description, specPath, spec.ContentHash, spec.CanonicalYaml,
            (ulong)spec.Seed, new EquatableArray<LayerModel>(layers), outputActivation, OptimizerType(spec.Training.Optimizer), OptimizerArguments(spec.Training.Optimizer),
            Schedule(spec.Training.Schedule), Data(spec, specPath), Training(spec), Evaluation(spec), Pruning(spec), LrFinder(spec),
            (int)spec.Training.BatchSize, (int)spec.Training.Epochs, string.Join(", ", spec.Model.Input), Summary(shapes));
    }

    /// <summary>The summary rows from the inferred shapes: what `deepdsl show --summary` prints, without running the model.</summary>
    private static EquatableArray<SummaryRowModel> Summary(ModelShapes shapes) =>
        new(shapes.Layers.Select(l => new SummaryRowModel(l.Layer.Name, l.Layer.Kind, string.Join(", ", l.Output.Dims), l.Parameters)));

    /// <summary>Softmax, Sigmoid or Linear: the activation the network ends with (folded into the loss).</summary>
    private static string Network(ExperimentSpec spec)
    {
        var last = spec.Model.Layers.LastOrDefault(l => l is DenseLayer or ActivationLayer);
        var activation = last switch { DenseLayer d => d.Activation, ActivationLayer a => a.Activation, _ => null };
        return activation?.Declaration.OutputActivation ?? "Linear";
    }

    private static IEnumerable<LayerModel> Layers(ExperimentSpec spec, ModelShapes shapes)
    {
        var lastActivating = spec.Model.Layers.LastOrDefault(l => l is DenseLayer or ActivationLayer);
        var saves = SkipsSaved(spec.Model.Layers);
        for (var i = 0; i < spec.Model.Layers.Count; i++)
        {
            var layer = spec.Model.Layers[i];
            var shape = shapes.Layers[i];
            var (input, output) = (shape.Input, shape.Output);
            var location = spec.Sources[layer.Path];
            var line = location.StartLine + 1;
            var isOutput = ReferenceEquals(layer, lastActivating) && Network(spec) != "Linear";
            var property = Names.Identifier(layer.Name);
            var type = layer is ResidualLayer or BatchNormLayer or ActivationLayer ? null : "global::" + Dsl.Registry.Layers.Get(layer.Kind, "ExperimentModelBuilder.Layers").RuntimeType;
            LayerModel Make(string moduleType, string construction, string summary, ActivationSpec? activation = null, bool omit = false, IHasKernel? kernel = null)
            {
                // An activation with learned weights or no functional form is a module of its own; the others are a function call.
                ActivationModuleModel? module = activation is { Declaration.IsModuleOnly: true }
                    ? new ActivationModuleModel($"{layer.Name}_{activation.Kind}", property + "Activation", ActivationModuleType(activation), ActivationModule(activation, output[0]))
                    : null;
                return new LayerModel(layer.Name, property, moduleType, construction, activation is null ? null : ActivationCall(activation), module, isOutput, omit,
                    kernel?.L1 ?? 0, kernel?.L2 ?? 0, kernel?.MaxNorm, location.File, line, summary + $" → {output}") { SavesInputAs = saves[i] };
            }
            switch (layer)
            {
                case FlattenLayer:
                    yield return Make(type!, $"new {type}()", "Flattens each example");
                    break;
                case DenseLayer d:
                    yield return Make(type!, $"new {type}({input[0]}, {d.Units}, hasBias: {Text.Bool(d.UseBias)}, kernelInitializer: {Initializer(d.KernelInit)}, biasInitializer: {Initializer(d.BiasInit)})",
                        $"Dense layer '{d.Name}': {d.Units} units, {d.Activation.Kind}, {d.KernelInit.Kind} init", d.Activation, kernel: d);
                    break;
                case Conv2dLayer c:
                    yield return Make(type!, $"new {type}({input[0]}, {c.Filters}, kernel: {Pair(c.KernelSize)}, stride: {Pair(c.Stride)}, padding: {Padding(c.Padding)}, " +
                                             $"dilation: {Pair(c.Dilation)}, groups: {c.Groups}, hasBias: {Text.Bool(c.UseBias)}, kernelInitializer: {Initializer(c.KernelInit)}, biasInitializer: {Initializer(c.BiasInit)})",
                        $"Convolution '{c.Name}': {c.Filters} filters, {c.KernelSize}, strides {c.Stride.Compact}, {c.Padding}, {c.Activation.Kind}, {c.KernelInit.Kind} init", c.Activation, kernel: c);
                    break;
                case Pool2dLayer p:
                    yield return Make(type!, $"new {type}({Pair(p.PoolSize)}, {Pair(p.Stride)}, {Padding(p.Padding)})", $"{(p is MaxPool2dLayer ? "Max" : "Average")} pooling '{p.Name}': {p.PoolSize}, strides {p.Stride.Compact}, {p.Padding}");
                    break;
                case GlobalAvgPool2dLayer:
                    yield return Make(type!, $"new {type}()", $"Global average pooling '{layer.Name}'");
                    break;
                case BatchNormLayer b:
                {
                    // Keras's momentum m keeps m of the running statistic per batch; PyTorch's momentum is the new batch's share, 1 − m.
                    var norm = $"{Nn}.BatchNorm{(input.IsImage ? 2 : 1)}d";
                    yield return Make(norm, $"new {norm}({input[0]}, momentum: {Text.Number(1 - b.Momentum)}, eps: {Text.Number(b.Epsilon)})",
                        $"Batch normalization '{b.Name}' (Keras momentum {CanonicalWriter.Number(b.Momentum)})");
                    break;
                }
                case ActivationLayer a:
                    yield return Make(ActivationModuleType(a.Activation), ActivationModule(a.Activation, input[0]), $"Activation '{a.Name}': {a.Activation.Kind}", omit: isOutput);
                    break;
                case DropoutLayer dr:
                    yield return Make(type!, $"new {type}({Text.Number(dr.Rate)})", $"Dropout '{dr.Name}', rate {CanonicalWriter.Number(dr.Rate)}");
                    break;
                case AlphaDropoutLayer ad:
                    yield return Make(type!, $"new {type}({Text.Number(ad.Rate)})", $"Alpha dropout '{ad.Name}', rate {CanonicalWriter.Number(ad.Rate)}");
                    break;
                case SpatialDropoutLayer sd:
                    yield return Make(type!, $"new {type}({Text.Number(sd.Rate)})", $"Spatial dropout '{sd.Name}', rate {CanonicalWriter.Number(sd.Rate)}");
                    break;
                case ResidualLayer r:
                {
                    var block = shape.BlockInput!;
                    var projected = r.Projects(block, input);
                    var projection = !projected ? null : block.IsImage
                        ? $"new {Nn}.Conv2d({block[0]}, {input[0]}, kernel: {Pair(Size2d.Square(1))}, stride: {Pair(ResidualLayer.ProjectionStride(block, input)!)}, padding: {Padding(Dsl.Shapes.Padding.Valid)}, " +
                          $"dilation: {Pair(Size2d.Square(1))}, groups: 1, hasBias: true, kernelInitializer: {Initializer(r.ProjectionInit)}, biasInitializer: {Init}.Initializers.Zeros)"
                        : $"new {Nn}.Linear({block[0]}, {input[0]}, hasBias: true, kernelInitializer: {Initializer(r.ProjectionInit)}, biasInitializer: {Init}.Initializers.Zeros)";
                    var model = Make(projection is null ? "" : block.IsImage ? $"{Nn}.Conv2d" : $"{Nn}.Linear", projection ?? "",
                        $"Residual block '{r.Name}': its input {block} added to the output of the {r.BodyLength} layers before" + (projected ? ", through a projection" : ""), r.Activation);
                    yield return model with { Residual = new ResidualModel(SkipVariable(r), projected) };
                    break;
                }
                default:
                    throw new UnknownKindException("layer", layer.Kind, "ExperimentModelBuilder.Layers");
            }
        }
    }

    /// <summary>For each layer, the skip variables to keep its input in: one per residual block that starts at it (nested blocks may share a first layer).</summary>
    private static EquatableArray<string>[] SkipsSaved(IReadOnlyList<LayerSpec> layers)
    {
        var saves = layers.Select(_ => new List<string>()).ToArray();
        for (var i = 0; i < layers.Count; i++)
            if (layers[i] is ResidualLayer r)
                saves[i - r.BodyLength].Insert(0, SkipVariable(r));
        return saves.Select(s => new EquatableArray<string>(s)).ToArray();
    }

    /// <summary>The local that keeps a residual block's input: its property, camel-cased, + Input (residual_1 → residual1Input).</summary>
    private static string SkipVariable(ResidualLayer block)
    {
        var identifier = Names.Identifier(block.Name);
        return char.ToLowerInvariant(identifier[0]) + identifier.Substring(1) + "Input";
    }

    private static string Pair(Size2d size) => $"new long[] {{ {size.Height}, {size.Width} }}";

    private static string Padding(string padding) => $"{Nn}.Padding.{(padding == Dsl.Shapes.Padding.Same ? "Same" : "Valid")}";

    /// <summary>The torch.nn.functional call a dense layer applies ({0}: its output), or null for the identity or an activation with weights.</summary>
    private static string? ActivationCall(ActivationSpec a)
    {
        var declaration = a.Declaration;
        if (declaration.Functional is null) return null;
        return $"{F}.{declaration.Functional}({string.Join(", ", new[] { "{0}" }.Concat(ArgumentValues(declaration, a.Arguments)).Concat(declaration.LastAxis ? ["-1"] : []))})";
    }

    private static string ActivationModuleType(ActivationSpec a) => "global::" + a.Declaration.RuntimeType;

    private static string ActivationModule(ActivationSpec a, long width)
    {
        var declaration = a.Declaration;
        var arguments = (declaration.PerUnit ? [width.ToString(CultureInfo.InvariantCulture)] : System.Array.Empty<string>())
            .Concat(ArgumentValues(declaration, a.Arguments)).Concat(declaration.LastAxis ? ["-1"] : []);
        return $"new {ActivationModuleType(a)}({string.Join(", ", arguments)})";
    }

    private static string Initializer(InitializerSpec i)
    {
        var declaration = i.Declaration;
        return declaration.Constructed
            ? $"new global::{declaration.Runtime}({string.Join(", ", ArgumentValues(declaration, i.Arguments))})"
            : "global::" + declaration.Runtime;
    }

    private static string OptimizerType(OptimizerSpec o) => "global::" + o.Declaration.RuntimeType;

    /// <summary>The options record's named arguments: each declared argument the runtime takes by name, then gradient clipping.</summary>
    private static string OptimizerArguments(OptimizerSpec o)
    {
        var args = o.Declaration.Arguments.Where(a => a.RuntimeName is not null)
            .Select(a => $"{a.RuntimeName}: {Value(a, Find(o.Arguments, a.Key))}").ToList();
        if (o.ClipNorm is not null || o.GlobalClipNorm is not null || o.ClipValue is not null)
            args.Add($"Clipping: new global::DeepDsl.Optim.GradientClipping(GlobalNorm: {Nullable(o.GlobalClipNorm)}, Norm: {Nullable(o.ClipNorm)}, Value: {Nullable(o.ClipValue)})");
        return string.Join(", ", args);
    }

    /// <summary>The declared arguments' values as C#, in declared order (the runtime constructors take them in that order).</summary>
    private static IEnumerable<string> ArgumentValues(Declaration declaration, EquatableArray<Setting> settings) =>
        declaration.Arguments.Select(a => Value(a, Find(settings, a.Key)));

    private static object? Find(EquatableArray<Setting> settings, string key) => settings.FirstOrDefault(s => s.Key == key)?.Value;

    private static string Value(Argument argument, object? value) => argument.Field.Shape switch
    {
        _ when value is null => "null",
        BoolShape => Text.Bool((bool)value),
        NumberShape => Text.Number(System.Convert.ToDouble(value, CultureInfo.InvariantCulture)),
        IntShape => System.Convert.ToInt64(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture),
        var shape => throw new System.InvalidOperationException($"internal error: argument '{argument.Key}' has a {shape.GetType().Name}, which no runtime constructor takes"),
    };

    private static string? Schedule(ScheduleSpec? s)
    {
        if (s is null) return null;
        // Every argument is bound (defaults explicit), so a missing one is a bug, never a value made up here.
        string N(string key) => Text.Number(s.Number(key) ?? throw Missing(s, key));
        string Numbers(string key) => $"new double[] {{ {string.Join(", ", s.Numbers(key).Select(Text.Number))} }}";
        string Clock() => $"new {Sched}.ScheduleClock({Sched}.ScheduleUnit.{(s.String("unit") == "epoch" ? "Epoch" : "Step")}, stepsPerEpoch)";
        const string lr0 = "Optimizer.LearningRate";
        var type = "global::" + Schedules.Get(s.Kind, "ExperimentModelBuilder.Schedule").RuntimeType;
        return s.Kind switch
        {
            "constant" => $"new {type}({lr0})",
            "exponential" => $"new {type}({lr0}, {N("decay_rate")}, {N("decay_steps")}, {Text.Bool(s.Bool("staircase") ?? throw Missing(s, "staircase"))}, {Clock()})",
            "piecewise" => $"new {type}({Numbers("boundaries")}, {Numbers("values")}, {Clock()})",
            "power" => $"new {type}({lr0}, {N("decay_steps")}, {N("power")}, {Clock()})",
            "cosine" => $"new {type}({lr0}, {(s.Number("decay_steps") is { } steps ? Text.Number(steps) : s.String("unit") == "epoch" ? "epochs" : "(double)stepsPerEpoch * epochs")}, {N("alpha")}, {Clock()})",
            "reduce_on_plateau" => $"new {type}({lr0}, {Text.Literal(s.String("monitor")!)}, {type}.MaximizeFor({Text.Literal(s.String("monitor")!)}, {Text.Literal(s.String("mode")!)}), " +
                                   $"{N("factor")}, {(long)(s.Number("patience") ?? throw Missing(s, "patience"))}, {N("min_delta")}, {(long)(s.Number("cooldown") ?? throw Missing(s, "cooldown"))}, {N("min_lr")})",
            "one_cycle" => $"new {type}({Sched}.OneCycleVariant.{(s.String("variant") == "fastai" ? "Fastai" : "Book")}, (long)stepsPerEpoch * epochs, {N("max_lr")}, " +
                 $"{Nullable(s.Number("start_lr"))}, {Nullable(s.Number("last_lr"))}, {N("pct_start")}, {(s.Bool("cycle_momentum") is { } c ? Text.Bool(c) : "null")}, {N("max_momentum")}, {N("base_momentum")})",
            _ => throw new UnknownKindException("schedule", s.Kind, "ExperimentModelBuilder.Schedule"),
        };
    }

    private static System.InvalidOperationException Missing(ScheduleSpec s, string key) =>
        new($"internal error: schedule {s.Kind} was built without its argument '{key}'");

    /// <summary>
    /// The dataset's source record, constructed with its declared arguments in declared order (paths made absolute from the
    /// spec's folder), then the values it takes from the rest of the spec; and the settings every dataset shares.
    /// </summary>
    private static string Data(ExperimentSpec spec, string specPath)
    {
        var d = spec.Data;
        var declaration = Datasets.Get(d.Dataset, "ExperimentModelBuilder.Data");
        var folder = Path.GetDirectoryName(specPath) ?? "";
        var arguments = declaration.Arguments.Select(a => a.Field.Shape is PathShape
                ? d.Find(a.Key) is string p ? Text.Literal(Path.GetFullPath(Path.Combine(folder, p))) : "null"
                : DataValue(a, d.Find(a.Key)))
            .Concat(declaration.Context.Select(c => c switch
            {
                DatasetContext.InputShape => $"new long[] {{ {string.Join(", ", spec.Model.Input)} }}",
                DatasetContext.Seed => $"{spec.Seed}UL",
                _ => throw new UnknownKindException("dataset context", c.ToString(), "ExperimentModelBuilder.Data"),
            }));
        var source = $"new global::{declaration.RuntimeType}({string.Join(", ", arguments)})";
        return $"new {Exp}.DataSettings({source}, Validation: {d.Validation}, Scale: {Text.Bool(d.Scale)}, Standardize: {Text.Bool(d.Standardize)}, " +
               $"TrainSamples: {Nullable(d.TrainSamples)}, TestSamples: {Nullable(d.TestSamples)}{Augment(d.Augment)})";
    }

    /// <summary>A data argument as C#: lists become arrays (image_size: long[], features: string[]), the rest as any declared argument.</summary>
    private static string DataValue(Argument argument, object? value) => (argument.Field.Shape, value) switch
    {
        (_, null) => "null",
        (ListShape { Item: StringShape }, EquatableArray<string> names) => $"new string[] {{ {string.Join(", ", names.Select(Text.Literal))} }}",
        (ListShape { Item: IntShape }, EquatableArray<double> sizes) => $"new long[] {{ {string.Join(", ", sizes.Select(v => ((long)v).ToString(CultureInfo.InvariantCulture)))} }}",
        (StringShape, string text) => Text.Literal(text),
        _ => Value(argument, value),
    };

    /// <summary>The augmentation argument of DataSettings, left out when there is none (so specs without one generate what they did).</summary>
    private static string Augment(AugmentSpec? augment)
    {
        if (augment is null) return "";
        var normalize = augment.Normalize switch
        {
            null => "null",
            { Computed: true } => $"{Exp}.Normalization.Computed",
            var given => $"{Exp}.Normalization.Given(new double[] {{ {string.Join(", ", given.Mean.Select(Text.Number))} }}, new double[] {{ {string.Join(", ", given.Std.Select(Text.Number))} }})",
        };
        return $", Augment: new {Exp}.AugmentSettings(CropPadding: {Nullable(augment.CropPadding)}, HorizontalFlip: {Text.Bool(augment.HorizontalFlip)}, Normalize: {normalize})";
    }

    private static string Training(ExperimentSpec spec)
    {
        var t = spec.Training;
        var loss = Losses.Get(t.Loss, "ExperimentModelBuilder.Training").RuntimeName;
        var early = t.EarlyStopping is { } es
            ? $"new {Exp}.EarlyStoppingSettings({Text.Literal(es.Monitor)}, {Mode(es.Mode)}, {es.Patience}, {Text.Number(es.MinDelta)}, {Text.Bool(es.RestoreBest)})"
            : "null";
        var checkpoint = $"new {Exp}.CheckpointSettings({Text.Literal(t.Checkpoint.Monitor)}, {Mode(t.Checkpoint.Mode)}, {Text.Bool(t.Checkpoint.SaveBest)}, {Text.Bool(t.Checkpoint.SaveLast)})";
        return $"new {Exp}.TrainingSettings({Exp}.LossKind.{loss}, BatchSize: {t.BatchSize}, Epochs: {t.Epochs}, Shuffle: {Text.Bool(t.Shuffle)}, " +
               $"Device: {Text.Literal(t.Device)}, EarlyStopping: {early}, Checkpoint: {checkpoint}{(t.TensorBoard ? ", TensorBoard: true" : "")})";
    }

    private static string Mode(string mode) => $"{Exp}.MonitorMode.{char.ToUpperInvariant(mode[0])}{mode.Substring(1)}";

    private static string Evaluation(ExperimentSpec spec) =>
        $"new {Exp}.EvaluationSettings({Nullable(spec.Evaluation.McDropoutSamples)})";

    private static string? Pruning(ExperimentSpec spec) =>
        spec.Pruning is { } p ? $"new {Exp}.PruningSettings({Text.Number(p.TargetSparsity)}, {p.FineTuneEpochs})" : null;

    private static string LrFinder(ExperimentSpec spec)
    {
        var f = spec.LrFinder;
        return $"new global::DeepDsl.LearningRateSearch.LrFinderSettings(global::DeepDsl.LearningRateSearch.LrFinderMethod.{(f.Method == "fastai" ? "Fastai" : "Book")}, " +
               $"{Nullable(f.StartLr)}, {Text.Number(f.EndLr)}, {(f.Steps is { } s ? s.ToString(CultureInfo.InvariantCulture) : "null")}, {Text.Number(f.StopFactor)}, {Text.Number(f.Smoothing)})";
    }

    private static string Nullable(double? value) => value is { } v ? Text.Number(v) : "null";

    private static string Nullable(long? value) => value is { } v ? v.ToString(CultureInfo.InvariantCulture) : "null";
}
