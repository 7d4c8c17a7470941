using DeepDsl.Data;
using DeepDsl.Experiments;
using DeepDsl.LearningRateSearch;
using DeepDsl.Torch;

namespace DeepDsl.Training;

/// <summary>
/// Runs the learning-rate range test on an experiment: its model, optimizer and data, one batch per
/// rate, and puts the initial weights (and optimizer state) back at the end — the model is left as
/// it was.
/// </summary>
public static class LearningRateSweep
{
    /// <summary>The range test on <paramref name="target"/> (resolved by its caller, <see cref="DeviceSelection.Resolve"/>, which also names it in the record).</summary>
    public static LrFinderResult Run(IExperiment experiment, LrFinderSettings settings, Device target, TextWriter log)
    {
        torch.manual_seed(experiment.Seed);
        using var model = experiment.CreateModel();
        model.to(target);
        using var optimizer = experiment.CreateOptimizer(model.parameters());
        using var data = DatasetLoader.Load(experiment.Data, target, log);
        var batch = experiment.Training.BatchSize;
        var stepsPerEpoch = (int)((data.TrainCount + batch - 1) / batch);
        var loss = new LossFunction(experiment.Training.Loss, (model as IClassifierModel)?.Output ?? OutputActivation.Linear);
        var initialWeights = Snapshot(model.state_dict());
        var initialOptimizer = Snapshot(optimizer.state_dict());
        var order = torch.randperm(data.TrainCount, device: target).DetachFromDisposeScope();
        long step = 0;
        model.train();
        try
        {
            return LearningRateFinder.Run(settings, stepsPerEpoch, lr =>
            {
                using var scope = torch.NewDisposeScope();
                var start = step++ * batch % data.TrainCount;
                var index = order.narrow(0, start, Math.Min(batch, data.TrainCount - start));
                optimizer.LearningRate = lr;
                var logits = model is IClassifierModel c ? c.forward_logits(data.TrainX.index_select(0, index)) : model.forward(data.TrainX.index_select(0, index));
                var value = loss.Loss(logits, data.TrainY.index_select(0, index));
                optimizer.zero_grad();
                value.backward();
                optimizer.step();
                return value.item<double>();
            }, () =>
            {
                model.load_state_dict(initialWeights);
                optimizer.load_state_dict(initialOptimizer);
            });
        }
        finally
        {
            order.Dispose();
            foreach (var t in initialWeights.Values.Concat(initialOptimizer.Values)) t.Dispose();
        }
    }

    private static Dictionary<string, Tensor> Snapshot(Dictionary<string, Tensor> state)
    {
        using var noGrad = torch.no_grad();
        return state.ToDictionary(kv => kv.Key, kv => kv.Value.clone().DetachFromDisposeScope());
    }
}
