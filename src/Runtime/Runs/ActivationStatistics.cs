using System.Globalization;
using System.Text;
using DeepDsl.Nn;
using DeepDsl.Training;
using DeepDsl.Torch;

namespace DeepDsl.Runs;

/// <summary>
/// Each layer's output mean and standard deviation at <paramref name="samples"/> evenly spaced steps of the first epoch,
/// written to the run's activations.csv (<see cref="RunDirectory.ActivationsFile"/>): how the book checks self-normalization (SELU keeps every layer near mean 0 and
/// standard deviation 1) and how vanishing or exploding activations show, for any network the language describes.
/// </summary>
public sealed class ActivationStatistics(RunDirectory run, int samples) : ITrainingCallback
{
    private readonly StringBuilder rows = new("epoch,step,layer,mean,std\n");
    private Module? model;
    private bool observing;
    private int step;

    public void OnTrainBegin(TrainingState state)
    {
        // A resumed run that is past its first epoch has nothing to sample.
        if (state.Epoch != 0 || state.GlobalStep != 0) return;
        model = state.Model;
        model.LayerOutputObserver = Observe;
        observing = true;
    }

    public void OnBatchEnd(TrainingState state, BatchProgress progress)
    {
        if (model is null) return;
        // Rounded up, so an epoch gives at most `samples` of them (78 steps and 10 samples: every 8th, not every 7th).
        var every = Math.Max(1, (progress.StepsPerEpoch + samples - 1) / Math.Max(1, samples));
        step = progress.Step + 1;
        observing = step % every == 0 && step < progress.StepsPerEpoch;
    }

    public void OnEpochEnd(TrainingState state, EpochMetrics metrics) => Finish();

    public void OnTrainEnd(TrainingState state) => Finish();

    private void Observe(string layer, Tensor output)
    {
        if (!observing) return;
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        var values = output.detach().to(ScalarType.Float64);
        rows.Append(CultureInfo.InvariantCulture, $"1,{step + 1},{layer},{values.mean().item<double>():R},{values.std().item<double>():R}\n");
    }

    /// <summary>After the first epoch (or a run that ended inside it): the file, and the model without its observer.</summary>
    private void Finish()
    {
        if (model is null) return;
        model.LayerOutputObserver = null;
        model = null;
        observing = false;
        run.WriteActivations(rows.ToString());
    }
}
