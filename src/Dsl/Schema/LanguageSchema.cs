using System.Collections.Generic;
using System.Linq;
using DeepDsl.Dsl.Registry;

namespace DeepDsl.Dsl.Schema;

/// <summary>
/// The experiment language, key by key (docs/language.md and schema/deepdsl.schema.json are generated
/// from it). Names and defaults follow Keras, so a Keras user reads a spec without a manual.
/// </summary>
public static class LanguageSchema
{
    public const int CurrentVersion = 1;

    private static readonly NumberShape Positive = new(Min: 0, MinExclusive: true);
    private static readonly NumberShape NonNegative = new(Min: 0);
    private static readonly NumberShape Fraction = new(Min: 0, Max: 1, MaxExclusive: true);
    // The runtime holds counts as 32-bit ints: larger values are refused here, at validate time, not by the C# compiler.
    private static readonly IntShape PositiveInt = new(Min: 1, Max: int.MaxValue);
    private static readonly IntShape NonNegativeInt = new(Min: 0, Max: int.MaxValue);
    private static readonly StringShape Metric = new(Examples: ["val_loss", "val_accuracy", "loss", "accuracy"]);
    private static readonly StringShape Mode = new(["auto", "min", "max"]);

    public static readonly VariantShape Activation = Activations.Shape;

    public static readonly VariantShape Initializer = Initializers.Shape;

    /// <summary>
    /// A model's layers: each declared kind (<see cref="Layers"/>), and two kinds of structure — `repeat` (a block written once,
    /// expanded in place) and `residual` (a block whose input is added to its output, ResNet's shortcut).
    /// </summary>
    public static readonly VariantShape Layer = new("layer", [
        .. System.Linq.Enumerable.Select(Layers.Registry.All, d => d.ToVariant()),
        new Variant("repeat", new ObjectShape("repeat", [
            new Field("repeat", PositiveInt, "How many times.", Required: true),
            new Field("layers", new ListShape(new LayerReference(), MinItems: 1), "The layers to repeat.", Required: true),
        ]), "Repeats a block of layers; names get a running number.", AllowBare: false, Inline: true),
        new Variant("residual", new ObjectShape("residual", [
            new Field("layers", new ListShape(new LayerReference(), MinItems: 1), "The block's body; its output is added to the block's input.", Required: true),
            new Field("projection", new StringShape(Shapes.Projection.All),
                "How the input reaches the sum: auto (a 1×1 convolution, or a dense layer for vectors, when the shapes differ), always, none (the shapes must agree).",
                Default: Shapes.Projection.Auto),
            new Field("activation", Activation, "Activation after the sum (ResNet: relu).", Default: "linear"),
            new Field("projection_init", Initializer, "Initializer of the projection's weights.", Default: "glorot_uniform"),
            LayerDeclaration.NameField,
        ]), "A residual block (ResNet): layers whose output is added to the block's input.", AllowBare: false),
    ]);

    public static readonly VariantShape Optimizers = Registry.Optimizers.Registry.Shape();

    public static readonly VariantShape Schedules = Registry.Schedules.Registry.Shape();

    public static readonly ObjectShape RandomCrop = new("random_crop", [
        new Field("padding", new IntShape(Min: 1, Max: Datasets.MaxImageSide), "Zeros added on every side before a crop of the image's size is taken at a random offset.", Required: true),
    ]);

    public static readonly VariantShape Normalization = new("normalization", [
        new Variant("computed", new ObjectShape("computed", []),
            "Each channel's mean and standard deviation over the training split (after scale), recorded in the run's summary.json."),
        new Variant("given", new ObjectShape("given", [
            new Field("mean", new ListShape(new NumberShape(), MinItems: 1), "One mean per channel (after scale).", Required: true),
            new Field("std", new ListShape(Positive, MinItems: 1), "One standard deviation per channel (after scale).", Required: true),
        ]), "Statistics written in the spec (e.g. those published for the data set).", AllowBare: false),
    ]);

    public static readonly ObjectShape Augment = new("augment", [
        new Field("random_crop", RandomCrop, "Training only: pad with zeros and crop back to the image's size at a random offset.", Nullable: true),
        new Field("horizontal_flip", new BoolShape(), "Training only: mirror each image left to right with probability 0.5.", Default: false),
        new Field("normalize", Normalization, "Per channel: subtract the mean and divide by the standard deviation (training, validation and test).", Nullable: true),
    ]);

    // `path` stays second and the dataset's own keys after the common ones, where specs written before the datasets were
    // declared had them: the canonical YAML keeps its key order, and so every recorded spec keeps its hash.
    private static readonly IReadOnlyList<Field> DatasetFields = Datasets.Fields();

    public static readonly ObjectShape Data = new("data", [
        new Field("dataset", new StringShape([.. Datasets.Registry.Names]), "Where examples come from.", Required: true),
        .. DatasetFields.Where(f => f.Key == "path"),
        new Field("validation", NonNegativeInt, "The first N training examples become the validation set.", Default: 0L),
        new Field("scale", new BoolShape(), "Divide 0–255 pixels by 255.", Default: true),
        new Field("standardize", new BoolShape(), "Per-feature standardization fitted on the training split.", Default: false),
        new Field("train_samples", PositiveInt, "Use only this many training examples (after the validation split).", Nullable: true),
        new Field("test_samples", PositiveInt, "Use only this many test examples.", Nullable: true),
        .. DatasetFields.Where(f => f.Key != "path"),
        new Field("augment", Augment, "Augmentation of training batches and per-channel normalization.", Nullable: true),
    ], Selector: "dataset");

    public static readonly ObjectShape Model = new("model", [
        new Field("input", new ListShape(PositiveInt, MinItems: 1), "Shape of one example: [features] for vectors, [channels, height, width] for images (CIFAR-10: [3, 32, 32]).", Required: true),
        new Field("layers", new ListShape(Layer, MinItems: 1), "The layers, in order.", Required: true),
    ]);

    public static readonly ObjectShape EarlyStopping = new("early_stopping", [
        new Field("monitor", Metric, "Metric to watch: loss, accuracy, val_loss, val_accuracy.", Default: MonitorDefault.Loss),
        new Field("mode", Mode, "min, max, or auto (max for accuracies).", Default: "auto"),
        new Field("patience", NonNegativeInt, "Epochs without improvement before stopping.", Default: 10L),
        new Field("min_delta", NonNegative, "Smallest change that counts as improvement.", Default: 0.0),
        new Field("restore_best", new BoolShape(), "Restore the best epoch's weights at the end (Keras's restore_best_weights).", Default: true),
    ]);

    public static readonly ObjectShape Checkpoint = new("checkpoint", [
        new Field("monitor", Metric, "Metric that picks the best checkpoint.", Default: MonitorDefault.Loss),
        new Field("mode", Mode, "min, max, or auto.", Default: "auto"),
        new Field("save_best", new BoolShape(), "Keep the best epoch's weights.", Default: true),
        new Field("save_last", new BoolShape(), "Keep the last epoch's weights and optimizer state (to resume).", Default: true),
    ]);

    public static readonly ObjectShape Training = new("training", [
        new Field("loss", new StringShape([.. Losses.Registry.Names]), "Loss (Keras names).", Required: true),
        new Field("optimizer", Optimizers, "Optimizer and its hyperparameters.", Required: true),
        new Field("batch_size", PositiveInt, "Examples per step.", Default: 32L),
        new Field("epochs", PositiveInt, "Maximum epochs.", Required: true),
        new Field("shuffle", new BoolShape(), "Shuffle the training set every epoch.", Default: true),
        new Field("device", new StringShape(Examples: ["auto", "cpu", "cuda", "cuda:0"]), "auto, cpu, cuda or cuda:N.", Default: "auto"),
        new Field("schedule", Schedules, "Learning-rate schedule.", Nullable: true),
        new Field("early_stopping", EarlyStopping, "Stop when the monitored metric stalls.", Nullable: true),
        new Field("checkpoint", Checkpoint, "Which checkpoints to keep.", Default: new Dictionary<string, object?>()),
        // No default, so a spec without the key has the canonical YAML, and the hash, it had before the key existed.
        new Field("tensorboard", new BoolShape(), "Also write TensorBoard event files (events.out.tfevents.*) into the run folder: the scalars per epoch and the hyperparameters.", Nullable: true),
    ]);

    public static readonly ObjectShape McDropout = new("mc_dropout", [
        new Field("samples", PositiveInt, "Stochastic forward passes to average.", Default: 100L),
    ]);

    public static readonly ObjectShape Evaluation = new("evaluation", [
        new Field("mc_dropout", McDropout, "Monte Carlo dropout at evaluation.", Nullable: true),
    ]);

    public static readonly ObjectShape LrFinder = new("lr_finder", [
        new Field("method", new StringShape(["book", "fastai"]), "book: one epoch, 1e-5 → 10; fastai: 1e-7 → 10 in 100 steps, stop at 4× the best loss.", Default: "book"),
        new Field("start_lr", Positive, "First rate (default by method).", Nullable: true),
        new Field("end_lr", Positive, "Last rate.", Default: 10.0),
        new Field("steps", PositiveInt, "Batches (default: one epoch for book, 100 for fastai).", Nullable: true),
        new Field("stop_factor", new NumberShape(Min: 1, MinExclusive: true), "Stop when the smoothed loss exceeds this many times its best.", Default: 4.0),
        new Field("smoothing", Fraction, "Exponential smoothing of the loss.", Default: 0.98),
    ]);

    public static readonly ObjectShape Pruning = new("pruning", [
        new Field("target_sparsity", Fraction, "Fraction of dense weights set to zero.", Required: true),
        new Field("fine_tune_epochs", NonNegativeInt, "Epochs of training after pruning.", Default: 0L),
    ]);

    public static readonly ObjectShape Sweep = new("sweep", [
        new Field("method", new StringShape(["grid", "random"]), "grid: every combination of the listed values; random: `trials` draws from the distributions.", Default: "grid"),
        new Field("parameters", new FreeMapShape("parameter paths to lists of values or distributions"),
            "Key path (`training.optimizer.nadam.learning_rate`, `seed`, `model.layers[dense_*].activation`) → a list of values, or " +
            "`{ choice: [...] }`, `{ uniform: [a, b] }`, `{ log_uniform: [a, b] }`, `{ int_uniform: [a, b] }` (random only).", Required: true),
        new Field("trials", new IntShape(Min: 1, Max: 10_000), "random: how many trials to draw.", Nullable: true),
        new Field("seed", new IntShape(Min: 0, Max: int.MaxValue), "random: seed of the draws (the trials' own seeds are `seed` in each trial).", Default: 0L),
        new Field("metric", new ObjectShape("metric", [
            new Field("name", Metric, "The metric trials are ranked by (a column of metrics.csv).", Default: "val_accuracy"),
            new Field("goal", new StringShape(["maximize", "minimize"]), "Whether higher or lower is better.", Default: "maximize"),
        ]), "How trials are ranked.", Default: new Dictionary<string, object?>()),
        new Field("early_terminate", new ObjectShape("early_terminate", [
            new Field("type", new StringShape(["asha"]), "asha: asynchronous successive halving (as Ray Tune and W&B's hyperband).", Default: "asha"),
            new Field("min_epochs", PositiveInt, "The first rung: trials are compared after this many epochs.", Default: 1L),
            new Field("reduction_factor", new IntShape(Min: 2, Max: 100), "η: at each rung a trial goes on only if it is in the best 1/η so far; rungs at min_epochs·η^k.", Default: 3L),
        ]), "Stop weak trials early.", Nullable: true),
    ]);

    public static readonly ObjectShape Experiment = new("experiment", [
        new Field("version", new IntShape(Min: 1, Max: CurrentVersion), "Language version.", Default: (long)CurrentVersion),
        new Field("name", new NameShape(), "Experiment name (" + Naming.Names.Description + "); runs are filed under it and its classes are named after it.", Required: true),
        new Field("extends", new StringShape(), "A spec this one changes (relative path).", Nullable: true),
        new Field("description", new StringShape(), "What the experiment is for.", Default: ""),
        new Field("seed", new IntShape(Min: 0, Max: long.MaxValue), "Seed of every random draw.", Default: 42L),
        new Field("data", Data, "The data.", Required: true),
        new Field("model", Model, "The network.", Required: true),
        new Field("training", Training, "How it is trained.", Required: true),
        new Field("evaluation", Evaluation, "Evaluation after training.", Default: new Dictionary<string, object?>()),
        new Field("lr_finder", LrFinder, "Learning-rate search (`deepdsl lr-find`).", Default: new Dictionary<string, object?>()),
        new Field("pruning", Pruning, "Magnitude pruning (`deepdsl prune`).", Nullable: true),
        new Field("sweep", Sweep, "Many trials from this spec (`deepdsl sweep`); not part of a trial.", Nullable: true),
    ]);

}

