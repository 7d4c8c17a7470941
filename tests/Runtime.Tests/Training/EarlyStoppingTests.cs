using DeepDsl.Experiments;
using DeepDsl.Nn;
using DeepDsl.Optim;
using DeepDsl.Torch;
using DeepDsl.Training;

namespace DeepDsl.Runtime.Tests.Training;

public sealed class EarlyStoppingTests
{
    [Fact]
    public void Stops_after_patience_epochs_without_improvement_and_restores_the_best_weights_bit_exact()
    {
        using var model = new Linear(3, 2);
        using var optimizer = new SGD(model.parameters(), 0.1);
        var state = new TrainingState(model, optimizer, null, epochs: 10, stepsPerEpoch: 1);
        using var stopping = new EarlyStopping(new EarlyStoppingSettings("val_loss", Patience: 2, RestoreBest: true));
        var valLosses = new[] { 1.0, 0.5, 0.6, 0.5, 0.4 };
        float[]? bestWeights = null;

        for (var epoch = 0; epoch < valLosses.Length && !state.StopRequested; epoch++)
        {
            using (torch.no_grad()) model.weight.normal_();   // the weights this epoch ends with
            if (epoch == 1) bestWeights = model.weight.ToArray<float>();
            state.Epoch = epoch;
            stopping.OnEpochEnd(state, Metrics(epoch + 1, valLosses[epoch]));
        }
        stopping.OnTrainEnd(state);

        Assert.Equal(TrainingStatus.EarlyStopped, state.Status);
        Assert.Equal(4, state.Epoch + 1);              // epochs 3 and 4 did not improve on 0.5 (equal is not better): stop after 4
        Assert.Equal(2, stopping.Monitor.BestEpoch);
        Assert.Equal(bestWeights, model.weight.ToArray<float>());
    }

    [Fact]
    public void Min_delta_makes_small_improvements_count_as_none()
    {
        using var model = new Linear(1, 1);
        using var optimizer = new SGD(model.parameters(), 0.1);
        var state = new TrainingState(model, optimizer, null, 10, 1);
        using var stopping = new EarlyStopping(new EarlyStoppingSettings("val_loss", Patience: 2, MinDelta: 0.1, RestoreBest: false));
        foreach (var (epoch, loss) in new[] { (1, 1.0), (2, 0.95), (3, 0.92) })
            stopping.OnEpochEnd(state, Metrics(epoch, loss));
        Assert.True(state.StopRequested);
    }

    [Fact]
    public void Accuracy_is_maximised_in_auto_mode()
    {
        var monitor = new MetricMonitor("val_accuracy");
        Assert.True(monitor.Update(Metrics(1, 1.0, valAccuracy: 0.5)));
        Assert.False(monitor.Update(Metrics(2, 1.0, valAccuracy: 0.4)));
        Assert.True(monitor.Update(Metrics(3, 1.0, valAccuracy: 0.6)));
        Assert.Equal(3, monitor.BestEpoch);
    }

    private static EpochMetrics Metrics(int epoch, double valLoss, double valAccuracy = 0.5) =>
        new(epoch, 0.1, 1.0, 0.5, valLoss, valAccuracy, 1.0);
}
