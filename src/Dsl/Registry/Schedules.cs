using DeepDsl.Dsl.Schema;

namespace DeepDsl.Dsl.Registry;

/// <summary>Every learning-rate schedule of the language, declared once (Keras names where Keras has one).</summary>
public static class Schedules
{
    private const string Sched = "DeepDsl.Schedules.";

    private static readonly NumberShape Positive = new(Min: 0, MinExclusive: true);
    private static readonly NumberShape NonNegative = new(Min: 0);
    private static readonly NumberShape Fraction = new(Min: 0, Max: 1, MaxExclusive: true);
    private static readonly NumberShape OpenFraction = new(Min: 0, MinExclusive: true, Max: 1, MaxExclusive: true);
    private static readonly IntShape NonNegativeInt = new(Min: 0, Max: int.MaxValue);
    private static readonly StringShape Metric = new(Examples: ["val_loss", "val_accuracy", "loss", "accuracy"]);
    private static readonly StringShape Mode = new(["auto", "min", "max"]);
    private static readonly StringShape Unit = new(["step", "epoch"]);

    // The schedules' constructors are positional and take the run's clock too: the generator writes each call, so the
    // arguments carry no runtime name.
    private static Argument A(Field field) => new(field, null);

    public static readonly Registry<ScheduleDeclaration> Registry = new("schedule", [
        new("constant", "The optimizer's learning rate throughout.", Sched + "ConstantSchedule", []),
        new("exponential", "lr₀ · decay_rate^(t / decay_steps) (Keras ExponentialDecay; the book's lr₀·0.1^(epoch/s)).", Sched + "ExponentialSchedule", [
            A(new Field("decay_rate", new NumberShape(Min: 0, MinExclusive: true, Max: 1), "Factor per decay_steps.", Default: 0.1)),
            A(new Field("decay_steps", Positive, "Steps (or epochs, with unit: epoch) per decay.", Required: true)),
            A(new Field("staircase", new BoolShape(), "Decay in whole steps.", Default: false)),
            A(new Field("unit", Unit, "Whether t counts optimizer steps or epochs.", Default: "epoch"))]) { AllowBare = false },
        new("piecewise", "Constant pieces (Keras PiecewiseConstantDecay).", Sched + "PiecewiseSchedule", [
            A(new Field("boundaries", new ListShape(NonNegative, MinItems: 1), "Where the rate changes.", Required: true)),
            A(new Field("values", new ListShape(Positive, MinItems: 2), "One more rate than boundaries.", Required: true)),
            A(new Field("unit", Unit, "Whether boundaries count steps or epochs.", Default: "epoch"))]) { AllowBare = false },
        new("power", "lr₀ / (1 + t/decay_steps)^power (the book's power scheduling).", Sched + "PowerSchedule", [
            A(new Field("decay_steps", Positive, "s.", Required: true)),
            A(new Field("power", Positive, "c.", Default: 1.0)),
            A(new Field("unit", Unit, "Whether t counts steps or epochs.", Default: "step"))]) { AllowBare = false },
        new("cosine", "Cosine decay to alpha·lr₀ (Keras CosineDecay).", Sched + "CosineSchedule", [
            A(new Field("decay_steps", Positive, "Length of the decay; default: the whole run.", Nullable: true)),
            A(new Field("alpha", new NumberShape(Min: 0, Max: 1), "Final fraction of lr₀.", Default: 0.0)),
            A(new Field("unit", Unit, "Whether t counts steps or epochs.", Default: "step"))]),
        new("reduce_on_plateau", "Multiply the rate by factor when the monitored metric stalls (Keras ReduceLROnPlateau).", Sched + "ReduceOnPlateauSchedule", [
            A(new Field("monitor", Metric, "Metric to watch.", Default: MonitorDefault.Loss)),
            A(new Field("mode", Mode, "min, max, or auto (max for accuracies).", Default: "auto")),
            A(new Field("factor", OpenFraction, "Multiplier.", Default: 0.1)),
            A(new Field("patience", NonNegativeInt, "Epochs without improvement before reducing.", Default: 10L)),
            A(new Field("min_delta", NonNegative, "Smallest change that counts.", Default: 1e-4)),
            A(new Field("cooldown", NonNegativeInt, "Epochs to wait after a reduction.", Default: 0L)),
            A(new Field("min_lr", NonNegative, "Lower bound.", Default: 0.0))]),
        new("one_cycle", "1cycle: up to max_lr and back down, then far below (the book's, or fastai's).", Sched + "OneCycleSchedule", [
            A(new Field("max_lr", Positive, "Peak learning rate.", Required: true)),
            A(new Field("variant", new StringShape(["book", "fastai"]), "book: linear, start max_lr/10, end max_lr/10,000; fastai: cosine, div 25, pct_start 0.25, final_div 1e5, momentum cycling.", Default: "book")),
            A(new Field("start_lr", Positive, "First rate (default: max_lr/10 book, max_lr/25 fastai).", Nullable: true)),
            A(new Field("last_lr", Positive, "Final rate (default: start_lr/1000 book, max_lr/1e5 fastai).", Nullable: true)),
            A(new Field("pct_start", OpenFraction, "fastai: fraction of steps rising.", Default: 0.25)),
            A(new Field("cycle_momentum", new BoolShape(), "Cycle momentum inversely (default: on for fastai, off for book).", Nullable: true)),
            A(new Field("max_momentum", Fraction, "Momentum at the ends.", Default: 0.95)),
            A(new Field("base_momentum", Fraction, "Momentum at the peak rate.", Default: 0.85))]) { AllowBare = false },
    ]);

    public static ScheduleDeclaration Get(string name, string asker) => Registry.Get(name, asker);
}
