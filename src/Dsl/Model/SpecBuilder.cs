using System.Collections.Generic;
using System.Linq;
using DeepDsl.Dsl.Binding;
using DeepDsl.Dsl.Registry;
using DeepDsl.Dsl.Resolution;
using DeepDsl.Dsl.Schema;

namespace DeepDsl.Dsl.Model;

/// <summary>
/// Turns a bound (validated, defaults explicit, repeats expanded) tree into the typed <see cref="ExperimentSpec"/>; the defaults that
/// depend on the data (<see cref="MonitorDefault"/>) are resolved first, so the canonical text and the tree hold what the run uses.
/// </summary>
public static class SpecBuilder
{
    public static ExperimentSpec Build(BObject bound)
    {
        var data = (BObject)bound["data"];
        var dataSpec = Data(data);
        var root = MonitorDefaults.Resolve(bound, dataSpec.HasValidation);
        var canonical = CanonicalWriter.Write(root);
        var model = (BObject)root["model"];
        var training = (BObject)root["training"];
        var evaluation = (BObject)root["evaluation"];
        var finder = (BObject)root["lr_finder"];
        var pruning = root.ObjectOrNull("pruning");

        return new ExperimentSpec(
            root.Int("version"), root.String("name"), root.String("description"), root.Int("seed"),
            dataSpec,
            new ModelSpec(new EquatableArray<long>(((BList)model["input"]).Items.Select(i => (long)((BScalar)i).Value!)),
                new EquatableArray<LayerSpec>(Layers((BList)model["layers"]))),
            new TrainingSpec(training.String("loss"), Optimizer((BVariant)training["optimizer"]), training.Int("batch_size"), training.Int("epochs"),
                training.Bool("shuffle"), training.String("device"), training.VariantOrNull("schedule") is { } s ? Schedule(s) : null,
                training.ObjectOrNull("early_stopping") is { } es
                    ? new EarlyStoppingSpec(es.String("monitor"), es.String("mode"), es.Int("patience"), es.Number("min_delta"), es.Bool("restore_best"))
                    : null,
                training["checkpoint"] is BObject cp
                    ? new CheckpointSpec(cp.String("monitor"), cp.String("mode"), cp.Bool("save_best"), cp.Bool("save_last"))
                    : new CheckpointSpec(MonitorDefault.Loss.For(dataSpec.HasValidation), "auto", true, true)) { TensorBoard = training.BoolOrNull("tensorboard") ?? false },
            new EvaluationSpec(evaluation.ObjectOrNull("mc_dropout")?.Int("samples")),
            new LrFinderSpec(finder.String("method"), finder.NumberOrNull("start_lr"), finder.Number("end_lr"), finder.IntOrNull("steps"),
                finder.Number("stop_factor"), finder.Number("smoothing")),
            pruning is null ? null : new PruningSpec(pruning.Number("target_sparsity"), pruning.Int("fine_tune_epochs")),
            canonical, SpecHash.Of(canonical))
        {
            Sources = SourceMap.Of(root),
            Tree = root,
        };
    }

    private static DataSpec Data(BObject data)
    {
        var dataset = data.String("dataset");
        return new DataSpec(dataset, Arguments(data, Datasets.Get(dataset, "SpecBuilder.Data")), data.Int("validation"), data.Bool("scale"), data.Bool("standardize"),
            data.IntOrNull("train_samples"), data.IntOrNull("test_samples"), data.ObjectOrNull("augment") is { } augment ? Augment(augment) : null);
    }

    /// <summary>
    /// The expanded layers in forward order: a residual block's body, then the block itself (<see cref="ResidualLayer"/>),
    /// which closes the entries its body produced. The tree keeps the nesting (the canonical text does); this list is what
    /// the rules, shapes and the generator walk.
    /// </summary>
    private static IEnumerable<LayerSpec> Layers(BList layers)
    {
        foreach (var layer in layers.Items.Cast<BVariant>())
        {
            var s = layer.Settings;
            if (layer.Kind == "residual")
            {
                var body = Layers((BList)s["layers"]).ToList();
                foreach (var inner in body) yield return inner;
                yield return new ResidualLayer(s.String("name"), layer.Path, body.Count, s.String("projection"), Activation((BVariant)s["activation"]),
                    Initializer((BVariant)s["projection_init"]));
                continue;
            }
            yield return Registry.Layers.Get(layer.Kind, "SpecBuilder.Layers").Build(new LayerSettings(s.String("name"), layer.Path, s));
        }
    }

    public static ActivationSpec Activation(BVariant v) => new(v.Kind, Arguments(v, Activations.Get(v.Kind, "SpecBuilder.Activation")));

    public static InitializerSpec Initializer(BVariant v) => new(v.Kind, Arguments(v, Initializers.Get(v.Kind, "SpecBuilder.Initializer")));

    private static OptimizerSpec Optimizer(BVariant v) => new(v.Kind, Arguments(v, Optimizers.Get(v.Kind, "SpecBuilder.Optimizer")));

    /// <summary>The kind's declared arguments, in declared order, as bound (the binder made every default explicit).</summary>
    private static EquatableArray<Setting> Arguments(BVariant v, Declaration declaration) => Arguments(v.Settings, declaration);

    private static EquatableArray<Setting> Arguments(BObject settings, Declaration declaration) =>
        new(declaration.Arguments.Select(a => new Setting(a.Key, settings.Has(a.Key) ? Value(settings[a.Key]) : a.Default)));

    private static AugmentSpec Augment(BObject augment) => new(
        augment.ObjectOrNull("random_crop")?.Int("padding"), augment.Bool("horizontal_flip"),
        augment.VariantOrNull("normalize") is { } n
            ? new NormalizationSpec(n.Kind switch
                {
                    "computed" => true,
                    "given" => false,
                    _ => throw new Registry.UnknownKindException("normalization", n.Kind, "SpecBuilder.Augment"),
                }, Numbers(n.Settings, "mean"), Numbers(n.Settings, "std"))
            : null);

    private static EquatableArray<double> Numbers(BObject settings, string key) =>
        settings.Has(key) && Value(settings[key]) is EquatableArray<double> numbers ? numbers : new([]);

    private static object? Value(BValue value) => value switch
    {
        BScalar scalar => scalar.Value,
        // Names (csv features) stay strings; every other list is numbers.
        BList list when list.Items.Count > 0 && list.Items.All(i => i is BScalar { Value: string }) =>
            new EquatableArray<string>(list.Items.Select(i => (string)((BScalar)i).Value!)),
        BList list => new EquatableArray<double>(list.Items.Select(i => System.Convert.ToDouble(((BScalar)i).Value, System.Globalization.CultureInfo.InvariantCulture))),
        _ => throw new System.InvalidOperationException($"internal error: {value.Path} is a {value.GetType().Name}, which no declared argument takes"),
    };

    private static ScheduleSpec Schedule(BVariant v) => new(v.Kind, Arguments(v, Schedules.Get(v.Kind, "SpecBuilder.Schedule")));
}
