using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using DeepDsl.Dsl.Model;
using DeepDsl.Dsl.Naming;
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
        var layers = Layers(spec).ToList();
        var outputActivation = Network(spec);
        return new ExperimentModel(Namespace, Names.Identifier(spec.Name), spec.Name, spec.Description, specPath, spec.ContentHash, spec.CanonicalYaml,
            (ulong)spec.Seed, new EquatableArray<LayerModel>(layers), outputActivation, OptimizerType(spec.Training.Optimizer), OptimizerArguments(spec.Training.Optimizer),
            Schedule(spec.Training.Schedule), Data(spec, specPath), Training(spec), Evaluation(spec), Pruning(spec), LrFinder(spec),
            (int)spec.Training.BatchSize, (int)spec.Training.Epochs, string.Join(", ", spec.Model.Input));
    }

    /// <summary>Softmax, Sigmoid or Linear: the activation the network ends with (folded into the loss).</summary>
    private static string Network(ExperimentSpec spec)
    {
        var last = spec.Model.Layers.LastOrDefault(l => l is DenseLayer or ActivationLayer);
        var activation = last switch { DenseLayer d => d.Activation.Kind, ActivationLayer a => a.Activation.Kind, _ => "linear" };
        return activation switch { "softmax" => "Softmax", "sigmoid" => "Sigmoid", _ => "Linear" };
    }

    private static IEnumerable<LayerModel> Layers(ExperimentSpec spec)
    {
        var width = spec.Model.Input.Aggregate(1L, (a, b) => a * b);
        var lastActivating = spec.Model.Layers.LastOrDefault(l => l is DenseLayer or ActivationLayer);
        foreach (var layer in spec.Model.Layers)
        {
            var location = spec.Sources[layer.Path];
            var line = location.StartLine + 1;
            var isOutput = ReferenceEquals(layer, lastActivating) && Network(spec) != "Linear";
            var property = Names.Identifier(layer.Name);
            switch (layer)
            {
                case FlattenLayer:
                    yield return Make(layer, property, $"{Nn}.Flatten", $"new {Nn}.Flatten()", null, null, false, false, location.File, line, "Flattens each example");
                    break;
                case DenseLayer d:
                {
                    var construction = $"new {Nn}.Linear({width}, {d.Units}, hasBias: {Text.Bool(d.UseBias)}, kernelInitializer: {Initializer(d.KernelInit)}, biasInitializer: {Initializer(d.BiasInit)})";
                    ActivationModuleModel? module = d.Activation.Kind == "prelu"
                        ? new ActivationModuleModel($"{d.Name}_prelu", property + "Activation", $"{Nn}.Activations.PReLU", $"new {Nn}.Activations.PReLU({d.Units}, {Text.Number(d.Activation.Alpha ?? 0.25)})")
                        : null;
                    yield return new LayerModel(d.Name, property, $"{Nn}.Linear", construction, ActivationCall(d.Activation), module, isOutput, false,
                        d.L1, d.L2, d.MaxNorm, location.File, line, $"Dense layer '{d.Name}': {d.Units} units, {d.Activation.Kind}, {d.KernelInit.Kind} init");
                    width = d.Units;
                    break;
                }
                case BatchNormLayer b:
                    // Keras's momentum m keeps m of the running statistic per batch; PyTorch's momentum is the new batch's share, 1 − m.
                    yield return Make(layer, property, $"{Nn}.BatchNorm1d", $"new {Nn}.BatchNorm1d({width}, momentum: {Text.Number(1 - b.Momentum)}, eps: {Text.Number(b.Epsilon)})",
                        null, null, false, false, location.File, line, $"Batch normalization '{b.Name}' (Keras momentum {CanonicalWriter.Number(b.Momentum)})");
                    break;
                case ActivationLayer a:
                    yield return Make(layer, property, ActivationModuleType(a.Activation, width), ActivationModule(a.Activation, width), null, null, isOutput, isOutput,
                        location.File, line, $"Activation '{a.Name}': {a.Activation.Kind}");
                    break;
                case DropoutLayer dr:
                    yield return Make(layer, property, $"{Nn}.Dropout", $"new {Nn}.Dropout({Text.Number(dr.Rate)})", null, null, false, false, location.File, line, $"Dropout '{dr.Name}', rate {CanonicalWriter.Number(dr.Rate)}");
                    break;
                case AlphaDropoutLayer ad:
                    yield return Make(layer, property, $"{Nn}.AlphaDropout", $"new {Nn}.AlphaDropout({Text.Number(ad.Rate)})", null, null, false, false, location.File, line, $"Alpha dropout '{ad.Name}', rate {CanonicalWriter.Number(ad.Rate)}");
                    break;
            }
        }
    }

    private static LayerModel Make(LayerSpec layer, string property, string type, string construction, string? activation, ActivationModuleModel? module,
        bool isOutput, bool omit, string file, int line, string summary) =>
        new(layer.Name, property, type, construction, activation, module, isOutput, omit, 0, 0, null, file, line, summary);

    private static string? ActivationCall(ActivationSpec a) => a.Kind switch
    {
        "linear" or "prelu" => null,
        "relu" => $"{F}.relu({{0}})",
        "leaky_relu" => $"{F}.leaky_relu({{0}}, {Text.Number(a.Alpha ?? 0.3)})",
        "elu" => $"{F}.elu({{0}}, {Text.Number(a.Alpha ?? 1.0)})",
        "selu" => $"{F}.selu({{0}})",
        "gelu" => $"{F}.gelu({{0}})",
        "swish" => $"{F}.silu({{0}})",
        "tanh" => $"{F}.tanh({{0}})",
        "sigmoid" => $"{F}.sigmoid({{0}})",
        _ => $"{F}.softmax({{0}}, -1)",
    };

    private static string ActivationModuleType(ActivationSpec a, long width) => a.Kind switch
    {
        "relu" => $"{Nn}.Activations.ReLU",
        "leaky_relu" => $"{Nn}.Activations.LeakyReLU",
        "prelu" => $"{Nn}.Activations.PReLU",
        "elu" => $"{Nn}.Activations.ELU",
        "selu" => $"{Nn}.Activations.SELU",
        "gelu" => $"{Nn}.Activations.GELU",
        "swish" => $"{Nn}.Activations.SiLU",
        "tanh" => $"{Nn}.Activations.Tanh",
        "sigmoid" => $"{Nn}.Activations.Sigmoid",
        "softmax" => $"{Nn}.Activations.Softmax",
        _ => $"{Nn}.Activations.Identity",
    };

    private static string ActivationModule(ActivationSpec a, long width) => a.Kind switch
    {
        "leaky_relu" => $"new {ActivationModuleType(a, width)}({Text.Number(a.Alpha ?? 0.3)})",
        "elu" => $"new {ActivationModuleType(a, width)}({Text.Number(a.Alpha ?? 1.0)})",
        "prelu" => $"new {ActivationModuleType(a, width)}({width}, {Text.Number(a.Alpha ?? 0.25)})",
        "softmax" => $"new {ActivationModuleType(a, width)}(-1)",
        _ => $"new {ActivationModuleType(a, width)}()",
    };

    private static string Initializer(InitializerSpec i) => i.Kind switch
    {
        "he_normal" => $"{Init}.Initializers.HeNormal",
        "he_uniform" => $"{Init}.Initializers.HeUniform",
        "lecun_normal" => $"{Init}.Initializers.LecunNormal",
        "lecun_uniform" => $"{Init}.Initializers.LecunUniform",
        "glorot_normal" => $"{Init}.Initializers.GlorotNormal",
        "glorot_uniform" => $"{Init}.Initializers.GlorotUniform",
        "zeros" => $"{Init}.Initializers.Zeros",
        "ones" => $"{Init}.Initializers.Ones",
        "orthogonal" => $"new {Init}.Orthogonal({Text.Number(i.Gain ?? 1)})",
        "constant" => $"new {Init}.Constant({Text.Number(i.Value ?? 0)})",
        "normal" => $"new {Init}.RandomNormal({Text.Number(i.Mean ?? 0)}, {Text.Number(i.Stddev ?? 0.05)})",
        _ => $"new {Init}.RandomUniform({Text.Number(i.Minval ?? -0.05)}, {Text.Number(i.Maxval ?? 0.05)})",
    };

    private static string OptimizerType(OptimizerSpec o) => "global::DeepDsl.Optim.Options." + o.Kind switch
    {
        "sgd" => "SgdOptions",
        "adam" => "AdamOptions",
        "adamw" => "AdamWOptions",
        "nadam" => "NadamOptions",
        "rmsprop" => "RmsPropOptions",
        "adagrad" => "AdagradOptions",
        _ => "AdamaxOptions",
    };

    private static string OptimizerArguments(OptimizerSpec o)
    {
        var args = new List<string> { $"LearningRate: {Text.Number(o.LearningRate)}" };
        switch (o.Kind)
        {
            case "sgd":
                args.Add($"Momentum: {Text.Number(o.Momentum)}");
                args.Add($"Nesterov: {Text.Bool(o.Nesterov)}");
                args.Add($"WeightDecay: {Text.Number(o.WeightDecay)}");
                break;
            case "rmsprop":
                args.Add($"Rho: {Text.Number(o.Rho)}");
                args.Add($"Momentum: {Text.Number(o.Momentum)}");
                args.Add($"Epsilon: {Text.Number(o.Epsilon)}");
                args.Add($"Centered: {Text.Bool(o.Centered)}");
                break;
            case "adagrad":
                args.Add($"InitialAccumulatorValue: {Text.Number(o.InitialAccumulatorValue)}");
                args.Add($"Epsilon: {Text.Number(o.Epsilon)}");
                break;
            default:
                args.Add($"Beta1: {Text.Number(o.Beta1)}");
                args.Add($"Beta2: {Text.Number(o.Beta2)}");
                args.Add($"Epsilon: {Text.Number(o.Epsilon)}");
                if (o.Kind is "adam" or "adamw") args.Add($"WeightDecay: {Text.Number(o.WeightDecay)}");
                break;
        }
        if (o.ClipNorm is not null || o.GlobalClipNorm is not null || o.ClipValue is not null)
            args.Add($"Clipping: new global::DeepDsl.Optim.GradientClipping(GlobalNorm: {Nullable(o.GlobalClipNorm)}, Norm: {Nullable(o.ClipNorm)}, Value: {Nullable(o.ClipValue)})");
        return string.Join(", ", args);
    }

    private static string? Schedule(ScheduleSpec? s)
    {
        if (s is null) return null;
        var clock = $"new {Sched}.ScheduleClock({Sched}.ScheduleUnit.{(s.Unit == "epoch" ? "Epoch" : "Step")}, stepsPerEpoch)";
        const string lr0 = "Optimizer.LearningRate";
        return s.Kind switch
        {
            "constant" => $"new {Sched}.ConstantSchedule({lr0})",
            "exponential" => $"new {Sched}.ExponentialSchedule({lr0}, {Text.Number(s.DecayRate)}, {Text.Number(s.DecaySteps ?? 1)}, {Text.Bool(s.Staircase)}, {clock})",
            "piecewise" => $"new {Sched}.PiecewiseSchedule(new double[] {{ {string.Join(", ", s.Boundaries.Select(Text.Number))} }}, new double[] {{ {string.Join(", ", s.Values.Select(Text.Number))} }}, {clock})",
            "power" => $"new {Sched}.PowerSchedule({lr0}, {Text.Number(s.DecaySteps ?? 1)}, {Text.Number(s.Power)}, {clock})",
            "cosine" => $"new {Sched}.CosineSchedule({lr0}, {(s.DecaySteps is { } steps ? Text.Number(steps) : s.Unit == "epoch" ? "epochs" : "(double)stepsPerEpoch * epochs")}, {Text.Number(s.Alpha)}, {clock})",
            "reduce_on_plateau" => $"new {Sched}.ReduceOnPlateauSchedule({lr0}, {Text.Literal(s.Monitor)}, {Sched}.ReduceOnPlateauSchedule.MaximizeFor({Text.Literal(s.Monitor)}, {Text.Literal(s.Mode)}), {Text.Number(s.Factor)}, {s.Patience}, {Text.Number(s.MinDelta)}, {s.Cooldown}, {Text.Number(s.MinLr)})",
            _ => $"new {Sched}.OneCycleSchedule({Sched}.OneCycleVariant.{(s.Variant == "fastai" ? "Fastai" : "Book")}, (long)stepsPerEpoch * epochs, {Text.Number(s.MaxLr)}, " +
                 $"{Nullable(s.StartLr)}, {Nullable(s.LastLr)}, {Text.Number(s.PctStart)}, {(s.CycleMomentum is { } c ? Text.Bool(c) : "null")}, {Text.Number(s.MaxMomentum)}, {Text.Number(s.BaseMomentum)})",
        };
    }

    private static string Data(ExperimentSpec spec, string specPath)
    {
        var d = spec.Data;
        var folder = Path.GetDirectoryName(specPath) ?? "";
        string PathOf(string? p) => p is null ? "null" : Text.Literal(Path.GetFullPath(Path.Combine(folder, p)));
        var source = d.Dataset switch
        {
            "cifar10" => $"new {Exp}.Cifar10Source({PathOf(d.Path)})",
            "npy" => $"new {Exp}.NpySource({PathOf(d.XTrain)}, {PathOf(d.YTrain)}, {PathOf(d.XTest)}, {PathOf(d.YTest)}, {d.Classes})",
            _ => $"new {Exp}.SyntheticSource({d.Samples}, {System.Math.Max(1, d.Samples / 5)}, {d.Classes}, new long[] {{ {string.Join(", ", spec.Model.Input)} }}, {spec.Seed}UL, {Text.Number(d.Noise)})",
        };
        return $"new {Exp}.DataSettings({source}, Validation: {d.Validation}, Scale: {Text.Bool(d.Scale)}, Standardize: {Text.Bool(d.Standardize)}, " +
               $"TrainSamples: {Nullable(d.TrainSamples)}, TestSamples: {Nullable(d.TestSamples)})";
    }

    private static string Training(ExperimentSpec spec)
    {
        var t = spec.Training;
        var loss = t.Loss switch
        {
            "sparse_categorical_crossentropy" => "SparseCategoricalCrossentropy",
            "categorical_crossentropy" => "CategoricalCrossentropy",
            "binary_crossentropy" => "BinaryCrossentropy",
            _ => "MeanSquaredError",
        };
        var early = t.EarlyStopping is { } es
            ? $"new {Exp}.EarlyStoppingSettings({Text.Literal(es.Monitor)}, {Mode(es.Mode)}, {es.Patience}, {Text.Number(es.MinDelta)}, {Text.Bool(es.RestoreBest)})"
            : "null";
        var checkpoint = $"new {Exp}.CheckpointSettings({Text.Literal(t.Checkpoint.Monitor)}, {Mode(t.Checkpoint.Mode)}, {Text.Bool(t.Checkpoint.SaveBest)}, {Text.Bool(t.Checkpoint.SaveLast)})";
        return $"new {Exp}.TrainingSettings({Exp}.LossKind.{loss}, BatchSize: {t.BatchSize}, Epochs: {t.Epochs}, Shuffle: {Text.Bool(t.Shuffle)}, " +
               $"Device: {Text.Literal(t.Device)}, EarlyStopping: {early}, Checkpoint: {checkpoint})";
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
