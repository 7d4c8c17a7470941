using DeepDsl.Runs;
using DeepDsl.Schedules;
using DeepDsl.Training;

namespace DeepDsl.Runtime.Tests.Runs;

/// <summary>A checkpoint's schedule state is checked by what its schedule declares, not by the names of its keys.</summary>
public sealed class TrainerCheckpointStateTests
{
    private static TrainerCheckpointState With(Dictionary<string, double> schedule) => new(2, 40, schedule, 1.0, new Dictionary<string, IReadOnlyDictionary<string, double>>());

    private static ReduceOnPlateauSchedule Plateau() => new(0.01, "val_loss", maximize: false, factor: 0.5, patience: 2, minDelta: 0, cooldown: 1, minLr: 1e-6);

    [Fact]
    public void A_rate_the_schedule_declares_must_be_above_zero()
    {
        var state = With(new() { ["rate"] = 0, ["best"] = 1.5, ["wait"] = 1, ["cooldown"] = 0 });
        Assert.Equal("schedule_state.rate is 0, no learning rate", state.Problem(Plateau(), []));
    }

    [Fact]
    public void A_counter_the_schedule_declares_must_be_a_whole_number()
    {
        var state = With(new() { ["rate"] = 0.01, ["best"] = 1.5, ["wait"] = 1.5, ["cooldown"] = 0 });
        Assert.Equal("schedule_state.wait is 1.5, not a whole number in 0..2147483647", state.Problem(Plateau(), []));
    }

    [Fact]
    public void A_value_the_schedule_holds_must_be_in_the_checkpoint()
    {
        var state = With(new() { ["rate"] = 0.01, ["wait"] = 1, ["cooldown"] = 0 });
        Assert.Equal("schedule_state.best is missing", state.Problem(Plateau(), []));
    }

    [Fact]
    public void A_key_named_like_a_rate_is_not_taken_for_one()
    {
        // "lr_warmup_done" holds 0 here; only the schedule's declaration makes a key a rate.
        var state = With(new() { ["lr_warmup_done"] = 0 });
        Assert.Null(state.Problem(new Counting(), []));
    }

    [Fact]
    public void A_sound_state_has_no_problem()
    {
        var state = With(new() { ["rate"] = 0.01, ["best"] = 1.5, ["wait"] = 1, ["cooldown"] = 0 });
        Assert.Null(state.Problem(Plateau(), []));
    }

    private sealed class Counting : ILearningRateSchedule
    {
        public double LearningRateAt(long step) => 0.1;

        public IReadOnlyDictionary<string, double> State => new Dictionary<string, double> { ["lr_warmup_done"] = 0 };

        public IReadOnlyList<string> CounterKeys => ["lr_warmup_done"];
    }
}
