using System.Xml.Linq;
using DeepDsl.Experiments;
using DeepDsl.Runs;
using DeepDsl.Runtime.Tests.Data;
using DeepDsl.Runtime.Tests.Training;
using DeepDsl.Torch;
using DeepDsl.Training;

namespace DeepDsl.Runtime.Tests.Runs;

public sealed class ExperimentRunTests
{
    [Fact]
    public void A_run_writes_spec_metrics_summary_and_checkpoints()
    {
        var runs = TempRuns();
        var experiment = new SyntheticExperiment();
        var result = ExperimentRun.Start(experiment, new RunOptions(runs), TextWriter.Null);

        Assert.StartsWith(Path.Combine(runs, "synthetic-test"), result.Directory.Path);
        Assert.EndsWith("-0123456789ab", result.Directory.Path);
        Assert.Equal(experiment.ResolvedSpec, File.ReadAllText(result.Directory.SpecFile));
        var metrics = result.Directory.ReadMetrics();
        Assert.Equal([1, 2, 3, 4], metrics.Select(m => m.Epoch));
        Assert.All(metrics, m => Assert.True(double.IsFinite(m.ValLoss) && m.Seconds > 0));
        var summary = result.Directory.ReadSummary()!;
        Assert.Equal("completed", summary.Status);
        Assert.Equal(4, summary.EpochsRun);
        Assert.Equal(metrics.MinBy(m => m.ValLoss)!.Epoch, summary.BestEpoch);
        Assert.InRange(summary.Test!["accuracy"], 0.5, 1.0);
        Assert.Equal("cpu", summary.Device);
        // The libtorch this process trained on (1.13 on Debian 12, 2.6 on Debian 13, 2.10 on the TorchSharp engine).
        Assert.Matches(@"^[12]\.\d+\.\d+", summary.Versions["libtorch"]);
        Assert.Equal(EngineInfo.Current().LibTorch, summary.Versions["libtorch"]);
        // The engine and the BLAS that rounded the numbers: those this process loaded (native with OpenBLAS, which
        // scripts/setup.sh installs on Debian 12 and 13; torchsharp with MKL: CpuThreadsTests hold each engine to its BLAS).
        Assert.Equal(EngineInfo.Current().Engine, summary.Versions["engine"]);
        Assert.Equal(EngineInfo.Current().Blas, summary.Versions["blas"]);
        Assert.True(File.Exists(result.Directory.BestCheckpoint));
        Assert.True(File.Exists(result.Directory.LastCheckpoint));
    }

    [Fact]
    public void A_run_with_computed_normalization_records_its_statistics_and_reads_them_back()
    {
        var experiment = new SyntheticExperiment
        {
            Data = new SyntheticExperiment().Data with { Augment = new AugmentSettings(Normalize: Normalization.Computed) },
            Training = new SyntheticExperiment().Training with { Epochs = 1 },
        };
        var result = ExperimentRun.Start(experiment, new RunOptions(TempRuns()), TextWriter.Null);
        var normalization = result.Directory.ReadSummary()!.Normalization!;
        Assert.True(normalization.Computed);
        Assert.Equal(8, normalization.Mean.Length);
        Assert.Equal(result.Summary.Normalization!.Std, normalization.Std);
    }

    [Fact]
    public void Reloading_the_best_checkpoint_reproduces_its_validation_accuracy_exactly()
    {
        var experiment = new SyntheticExperiment();
        var result = ExperimentRun.Start(experiment, new RunOptions(TempRuns()), TextWriter.Null);
        var best = result.Summary.Best!;

        using var model = experiment.CreateModel();
        Checkpoints.Load(result.Directory.BestCheckpoint, model, optimizer: null);
        using var data = DeepDsl.Data.DatasetLoader.Load(experiment.Data, Device.CPU);
        model.eval();
        var evaluation = Trainer.Evaluate(model, new LossFunction(LossKind.SparseCategoricalCrossentropy, OutputActivation.Softmax), data.ValidationX!, data.ValidationY!);
        Assert.Equal(best["val_accuracy"], evaluation.Accuracy);
        Assert.Equal(best["val_loss"], evaluation.Loss, 12);
    }

    [Theory]
    [InlineData(100, "val_loss")]
    [InlineData(0, "loss")]
    public void A_monitor_left_null_watches_the_languages_default_for_the_data(int validation, string watched)
    {
        var plain = new SyntheticExperiment();
        var experiment = new SyntheticExperiment
        {
            Data = plain.Data with { Validation = validation },
            Training = plain.Training with { Epochs = 2, EarlyStopping = new EarlyStoppingSettings(Patience: 10), Checkpoint = new CheckpointSettings() },
        };
        var result = ExperimentRun.Start(experiment, new RunOptions(TempRuns()), TextWriter.Null);
        Assert.Equal(watched, result.Summary.Monitor);
    }

    [Fact]
    public void An_interrupted_run_keeps_finished_epochs_and_resume_reaches_the_same_final_metrics()
    {
        var experiment = new SyntheticExperiment
        {
            Dropout = 0.1,
            Training = new SyntheticExperiment().Training with { Epochs = 5, EarlyStopping = new EarlyStoppingSettings(Patience: 10) },
        };
        var straight = ExperimentRun.Start(experiment, new RunOptions(TempRuns()), TextWriter.Null);

        using var cancel = new CancellationTokenSource();
        var interrupted = ExperimentRun.Start(experiment, new RunOptions(TempRuns()), TextWriter.Null, [new CancelDuringEpoch(cancel, 3)], cancel.Token);
        Assert.Equal("interrupted", interrupted.Summary.Status);
        Assert.Equal([1, 2, 3], interrupted.Directory.ReadMetrics().Select(m => m.Epoch));
        Assert.Null(interrupted.Summary.Test);

        var resumed = ExperimentRun.Start(experiment, new RunOptions(Resume: interrupted.Directory.Path), TextWriter.Null);
        Assert.Equal(interrupted.Directory.Path, resumed.Directory.Path);
        var expected = straight.Directory.ReadMetrics().Select(m => (m.Epoch, m.Loss, m.ValLoss, m.ValAccuracy));
        var actual = resumed.Directory.ReadMetrics().Select(m => (m.Epoch, m.Loss, m.ValLoss, m.ValAccuracy));
        Assert.Equal(expected, actual);
        Assert.Equal(straight.Summary.Test, resumed.Summary.Test);
    }

    [Fact]
    public void Resuming_with_another_spec_is_refused()
    {
        var first = ExperimentRun.Start(new SyntheticExperiment(), new RunOptions(TempRuns()), TextWriter.Null);
        var other = new SyntheticExperiment { ResolvedSpec = "name: something-else\n" };
        var error = Assert.Throws<DeepDsl.Runs.RunException>(() => ExperimentRun.Start(other, new RunOptions(Resume: first.Directory.Path), TextWriter.Null));
        Assert.Contains("different spec", error.Message);
    }

    [Cifar10Fact]
    public void Two_epochs_of_the_exercise_net_on_a_real_cifar10_slice()
    {
        var experiment = new Cifar10SliceExperiment(SharedData.DataRoot!);
        var result = ExperimentRun.Start(experiment, new RunOptions(TempRuns()), TextWriter.Null);
        var metrics = result.Directory.ReadMetrics();
        Assert.Equal(2, metrics.Count);
        Assert.True(metrics[1].Loss < metrics[0].Loss, $"loss falls: {metrics[0].Loss} → {metrics[1].Loss}");
        Assert.All(metrics, m => Assert.True(double.IsFinite(m.ValAccuracy) && double.IsFinite(m.LearningRate)));
        var summary = result.Directory.ReadSummary()!;
        Assert.Equal(["accuracy", "loss", "lr", "seconds", "val_accuracy", "val_loss"], summary.Best!.Keys.Order());
        Assert.Equal(["accuracy", "loss"], summary.Test!.Keys.Order());
        Assert.True(summary.WallSeconds > 0 && summary.SecondsPerEpoch > 0);

        using var model = experiment.CreateModel();
        Checkpoints.Load(result.Directory.BestCheckpoint, model, optimizer: null);
        using var data = DeepDsl.Data.DatasetLoader.Load(experiment.Data, Device.CPU);
        model.eval();
        var evaluation = Trainer.Evaluate(model, new LossFunction(LossKind.SparseCategoricalCrossentropy, OutputActivation.Softmax), data.ValidationX!, data.ValidationY!);
        Assert.Equal(summary.Best!["val_accuracy"], evaluation.Accuracy);
    }

    internal static string TempRuns() => Directory.CreateTempSubdirectory("deepdsl-runs-").FullName;
}
