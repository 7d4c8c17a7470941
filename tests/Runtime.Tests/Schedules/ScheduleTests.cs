using DeepDsl.Schedules;

namespace DeepDsl.Runtime.Tests.Schedules;

public sealed class ScheduleTests
{
    private static readonly ScheduleClock Steps = new(ScheduleUnit.Step, 10);
    private static readonly ScheduleClock Epochs = new(ScheduleUnit.Epoch, 10);

    [Fact]
    public void Book_one_cycle_matches_the_books_breakpoints()
    {
        // n = 1000: last = 1000//10 + 1 = 101 steps, half = (1000 − 101)//2 = 449.
        var s = new OneCycleSchedule(OneCycleVariant.Book, 1000, MaxLr: 0.05);
        Assert.Equal((101L, 449L), (s.LastSteps, s.HalfSteps));
        Assert.Equal(0.005, s.LearningRateAt(0), 12);                       // start = max/10
        Assert.Equal(0.005 + 0.045 * 200 / 449, s.LearningRateAt(200), 12); // linear rise
        Assert.Equal(0.05, s.LearningRateAt(449), 12);                      // peak
        Assert.Equal(0.005, s.LearningRateAt(898), 12);                     // back to start at 2·half
        Assert.Equal(0.05 / 10_000, s.LearningRateAt(1000), 12);            // last = max/10,000
        Assert.Equal(0.005 + (5e-6 - 0.005) * (949 - 898) / 102.0, s.LearningRateAt(949), 12);
        Assert.Null(s.MomentumAt(10));                                      // the book cycles no momentum unless asked
    }

    [Fact]
    public void Fastai_one_cycle_cosine_anneals_rate_and_cycles_momentum()
    {
        var s = new OneCycleSchedule(OneCycleVariant.Fastai, 1000, MaxLr: 0.1);
        Assert.Equal(250, s.PeakStep);
        Assert.Equal(0.1 / 25, s.LearningRateAt(0), 12);
        Assert.Equal(0.1, s.LearningRateAt(250), 12);
        Assert.Equal((0.004 + 0.1) / 2, s.LearningRateAt(125), 12);         // halfway up the cosine
        Assert.Equal(0.1 / 1e5, s.LearningRateAt(1000), 12);
        Assert.Equal(0.95, s.MomentumAt(0)!.Value, 12);
        Assert.Equal(0.85, s.MomentumAt(250)!.Value, 12);
        Assert.Equal(0.95, s.MomentumAt(1000)!.Value, 12);
    }

    [Fact]
    public void Exponential_decays_by_the_rate_every_decay_steps_and_staircase_holds_between()
    {
        var smooth = new ExponentialSchedule(0.01, 0.1, 20, false, Epochs);
        Assert.Equal(0.01, smooth.LearningRateAt(0), 12);
        Assert.Equal(0.01 * Math.Pow(0.1, 0.5), smooth.LearningRateAt(10 * 10), 12); // epoch 10 of s = 20
        Assert.Equal(0.001, smooth.LearningRateAt(20 * 10), 12);
        Assert.Equal(0.01, smooth.LearningRateAt(9), 12);                            // still epoch 0
        var stairs = new ExponentialSchedule(0.01, 0.1, 20, true, Epochs);
        Assert.Equal(0.01, stairs.LearningRateAt(19 * 10), 12);
        Assert.Equal(0.001, stairs.LearningRateAt(20 * 10), 12);
    }

    [Fact]
    public void Piecewise_switches_after_each_boundary()
    {
        var s = new PiecewiseSchedule([5, 15], [0.1, 0.01, 0.001], Epochs);
        Assert.Equal(0.1, s.LearningRateAt(5 * 10));
        Assert.Equal(0.01, s.LearningRateAt(6 * 10));
        Assert.Equal(0.01, s.LearningRateAt(15 * 10 + 9));
        Assert.Equal(0.001, s.LearningRateAt(16 * 10));
    }

    [Fact]
    public void Power_and_cosine_follow_their_closed_forms_at_the_ends()
    {
        var power = new PowerSchedule(0.01, 100, 2, Steps);
        Assert.Equal(0.01, power.LearningRateAt(0), 12);
        Assert.Equal(0.01 / 4, power.LearningRateAt(100), 12);
        var cosine = new CosineSchedule(0.01, 100, 0.1, Steps);
        Assert.Equal(0.01, cosine.LearningRateAt(0), 12);
        Assert.Equal(0.01 * (0.9 * 0.5 + 0.1), cosine.LearningRateAt(50), 12);
        Assert.Equal(0.001, cosine.LearningRateAt(100), 12);
        Assert.Equal(0.001, cosine.LearningRateAt(500), 12);
    }

    [Fact]
    public void Reduce_on_plateau_waits_patience_epochs_respects_min_lr_and_cooldown_and_resumes_from_state()
    {
        var s = new ReduceOnPlateauSchedule(0.1, "val_loss", maximize: false, factor: 0.5, patience: 2, minDelta: 0, cooldown: 1, minLr: 0.03);
        void Epoch(int e, double loss) => s.OnEpochEnd(e, new Dictionary<string, double> { ["val_loss"] = loss });
        Epoch(0, 1.0); Epoch(1, 1.1);
        Assert.Equal(0.1, s.LearningRateAt(0));
        Epoch(2, 1.2);
        Assert.Equal(0.05, s.LearningRateAt(0));      // two epochs without improvement
        var saved = s.State;
        Epoch(3, 1.3); Epoch(4, 1.3); Epoch(5, 1.3);  // cooldown 1, then patience 2
        Assert.Equal(0.03, s.LearningRateAt(0));      // 0.025 clipped to min_lr
        var resumed = new ReduceOnPlateauSchedule(0.1, "val_loss", false, 0.5, 2, 0, 1, 0.03);
        resumed.LoadState(saved);
        Assert.Equal(0.05, resumed.LearningRateAt(0));
    }
}
