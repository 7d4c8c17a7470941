using DeepDsl.Data;
using DeepDsl.Schedules;
using DeepDsl.Torch;
using DeepDsl.Training;

namespace DeepDsl.Runtime.Tests.Training;

public sealed class TrainerTests
{
    [Fact]
    public void Loss_falls_and_validation_accuracy_rises_on_learnable_data()
    {
        var history = Train(new SyntheticExperiment { Training = new SyntheticExperiment().Training with { Epochs = 5 } });
        Assert.Equal([1, 2, 3, 4, 5], history.Select(m => m.Epoch));
        Assert.True(history[^1].Loss < history[0].Loss * 0.7, $"loss {history[0].Loss} → {history[^1].Loss}");
        Assert.True(history[^1].ValAccuracy > 0.9, $"val_accuracy {history[^1].ValAccuracy}");
    }

    [Fact]
    public void Same_seed_gives_identical_metrics_run_to_run()
    {
        var experiment = new SyntheticExperiment { Dropout = 0.2 };
        var first = Train(experiment).Select(m => (m.Loss, m.Accuracy, m.ValLoss, m.ValAccuracy));
        var second = Train(experiment).Select(m => (m.Loss, m.Accuracy, m.ValLoss, m.ValAccuracy));
        Assert.Equal(first, second);
    }

    [Fact]
    public void Another_seed_gives_other_metrics()
    {
        var first = Train(new SyntheticExperiment { Seed = 1 })[^1].Loss;
        var second = Train(new SyntheticExperiment { Seed = 2 })[^1].Loss;
        Assert.NotEqual(first, second);
    }

    [Fact]
    public void A_diverging_loss_stops_the_run_with_a_message()
    {
        var experiment = new SyntheticExperiment { LearningRate = 1e30, Training = new SyntheticExperiment().Training with { Epochs = 6 } };
        var (state, _) = Fit(experiment);
        Assert.Equal(TrainingStatus.Diverged, state.Status);
        Assert.Contains("lower the learning rate", state.StopReason);
        Assert.True(state.History.Count < 6);
    }

    [Fact]
    public void Schedule_sets_the_learning_rate_of_every_step()
    {
        var seen = new List<double>();
        var experiment = new SyntheticExperiment { Schedule = (_, _) => new StepRecordingSchedule() };
        var (state, _) = Fit(experiment, new RecordingCallback(seen));
        Assert.Equal(Enumerable.Range(0, (int)state.GlobalStep).Select(s => 0.01 / (1 + s)), seen);
    }

    [Fact]
    public void Cancellation_stops_before_the_next_batch_and_keeps_finished_epochs()
    {
        using var cancel = new CancellationTokenSource();
        var experiment = new SyntheticExperiment { Training = new SyntheticExperiment().Training with { Epochs = 10 } };
        var (state, _) = Fit(experiment, new CancelAtEpoch(cancel, epoch: 2), cancel.Token);
        Assert.Equal(TrainingStatus.Interrupted, state.Status);
        Assert.Equal(2, state.History.Count);
    }

    internal static List<EpochMetrics> Train(SyntheticExperiment experiment) => Fit(experiment).State.History;

    internal static (TrainingState State, Trainer Trainer) Fit(SyntheticExperiment experiment, ITrainingCallback? callback = null, CancellationToken token = default)
    {
        torch.manual_seed(experiment.Seed);
        using var model = experiment.CreateModel();
        using var optimizer = experiment.CreateOptimizer(model.parameters());
        using var data = DatasetLoader.Load(experiment.Data, Device.CPU);
        var steps = (int)((data.TrainCount + experiment.Training.BatchSize - 1) / experiment.Training.BatchSize);
        var schedule = experiment.CreateSchedule(steps, experiment.Training.Epochs);
        var state = new TrainingState(model, optimizer, schedule, experiment.Training.Epochs, steps);
        var trainer = new Trainer(model, optimizer, schedule, experiment.Training.Loss, experiment.Seed, callback is null ? [] : [callback]);
        trainer.Fit(data, state, experiment.Training.BatchSize, shuffle: true, token);
        return (state, trainer);
    }

    private sealed class StepRecordingSchedule : ILearningRateSchedule
    {
        public double LearningRateAt(long step) => 0.01 / (1 + step);
    }

    private sealed class RecordingCallback(List<double> seen) : ITrainingCallback
    {
        public void OnBatchEnd(TrainingState state, BatchProgress progress) => seen.Add(progress.LearningRate);
    }

    private sealed class CancelAtEpoch(CancellationTokenSource cancel, int epoch) : ITrainingCallback
    {
        public void OnBatchEnd(TrainingState state, BatchProgress progress)
        {
            if (state.Epoch == epoch && progress.Step == 3) cancel.Cancel();
        }
    }
}
