using System.Text.Json.Nodes;
using DeepDsl.Experiments;
using DeepDsl.Runs;
using DeepDsl.Runtime.Tests.Training;
using DeepDsl.Torch;
using DeepDsl.Torch.Serialization;
using DeepDsl.Training;

namespace DeepDsl.Runtime.Tests.Runs;

/// <summary>Callbacks keep their own state in the last checkpoint, and a resumed run gives it back to them.</summary>
public sealed class CallbackStateTests
{
    private static SyntheticExperiment Experiment() => new()
    {
        Dropout = 0.1,
        Training = new SyntheticExperiment().Training with { Epochs = 4, EarlyStopping = new EarlyStoppingSettings(Patience: 10) },
    };

    [Fact]
    public void A_callbacks_state_survives_an_interrupted_and_resumed_run_bit_for_bit()
    {
        var experiment = Experiment();
        var straight = new RunningSum();
        ExperimentRun.Start(experiment, new RunOptions(ExperimentRunTests.TempRuns()), TextWriter.Null, [straight]);

        // Interrupted in epoch 3: the last checkpoint holds the sum after epoch 2; the batches of epoch 3 it saw are not kept.
        using var cancel = new CancellationTokenSource();
        var interrupted = ExperimentRun.Start(experiment, new RunOptions(ExperimentRunTests.TempRuns()), TextWriter.Null,
            [new RunningSum(), new CancelDuringEpoch(cancel, epoch: 2)], cancel.Token);
        Assert.Equal("interrupted", interrupted.Summary.Status);

        var resumed = new RunningSum();
        ExperimentRun.Resume(experiment, interrupted.Directory.Path, new RunOptions(), TextWriter.Null, [resumed]);
        Assert.Equal(4, resumed.Epochs);
        Assert.Equal(BitConverter.DoubleToInt64Bits(straight.Sum), BitConverter.DoubleToInt64Bits(resumed.Sum));
        Assert.Equal(straight.Batches, resumed.Batches);
    }

    [Fact]
    public void A_crafted_callback_state_is_one_line_naming_the_checkpoint()
    {
        var experiment = Experiment();
        var first = ExperimentRun.Start(experiment, new RunOptions(ExperimentRunTests.TempRuns()), TextWriter.Null, [new RunningSum()]);
        RewriteTrainerState(first.Directory.LastCheckpoint, state =>
        {
            state["callbacks"]!["running_sum"]!["epochs"] = 99;
            return state;
        });

        var error = Assert.Throws<InvalidDataException>(() =>
            ExperimentRun.Resume(experiment, first.Directory.Path, new RunOptions(Epochs: 6), TextWriter.Null, [new RunningSum()]));
        Assert.Equal($"{first.Directory.LastCheckpoint} holds an invalid trainer state: callbacks.running_sum.epochs is 99, not a whole number in 0..4.", error.Message);
    }

    [Fact]
    public void A_run_resumed_with_a_stateful_callback_its_checkpoint_lacks_is_refused()
    {
        var experiment = Experiment();
        var first = ExperimentRun.Start(experiment, new RunOptions(ExperimentRunTests.TempRuns()), TextWriter.Null);
        var error = Assert.Throws<InvalidDataException>(() =>
            ExperimentRun.Resume(experiment, first.Directory.Path, new RunOptions(Epochs: 6), TextWriter.Null, [new RunningSum()]));
        Assert.Contains("holds an invalid trainer state: callbacks.running_sum is missing (a callback added since the run started cannot resume it", error.Message);
    }

    [Fact]
    public void A_checkpoint_in_the_layout_before_callbacks_kept_their_state_still_resumes()
    {
        var experiment = Experiment();
        var straight = ExperimentRun.Start(experiment, new RunOptions(ExperimentRunTests.TempRuns()), TextWriter.Null);
        using var cancel = new CancellationTokenSource();
        var interrupted = ExperimentRun.Start(experiment, new RunOptions(ExperimentRunTests.TempRuns()), TextWriter.Null,
            [new CancelDuringEpoch(cancel, epoch: 2)], cancel.Token);

        // The trainer state as DeepDsl wrote it before: the monitors' fields at the top level, no "callbacks".
        RewriteTrainerState(interrupted.Directory.LastCheckpoint, state =>
        {
            var callbacks = state["callbacks"]!;
            var old = new JsonObject
            {
                ["epochs_done"] = state["epochs_done"]!.DeepClone(),
                ["global_step"] = state["global_step"]!.DeepClone(),
                ["checkpoint_best"] = callbacks[RunRecorder.Key]!["best"]!.DeepClone(),
                ["checkpoint_best_epoch"] = callbacks[RunRecorder.Key]!["best_epoch"]!.DeepClone(),
                ["early_stopping_best"] = callbacks[EarlyStopping.Key]!["best"]!.DeepClone(),
                ["early_stopping_best_epoch"] = callbacks[EarlyStopping.Key]!["best_epoch"]!.DeepClone(),
                ["early_stopping_wait"] = callbacks[EarlyStopping.Key]!["wait"]!.DeepClone(),
                ["schedule_state"] = new JsonObject(),
                ["wall_seconds_before"] = state["wall_seconds_before"]!.DeepClone(),
            };
            return old;
        });

        var resumed = ExperimentRun.Resume(experiment, interrupted.Directory.Path, new RunOptions(), TextWriter.Null);
        Assert.Equal(straight.Directory.ReadMetrics().Select(m => (m.Epoch, m.Loss, m.ValLoss)), resumed.Directory.ReadMetrics().Select(m => (m.Epoch, m.Loss, m.ValLoss)));
        Assert.Equal(straight.Summary.BestEpoch, resumed.Summary.BestEpoch);
        Assert.Equal(straight.Summary.Test, resumed.Summary.Test);
    }

    [Fact]
    public void Two_callbacks_keeping_state_under_one_key_are_refused_before_training()
    {
        var error = Assert.Throws<InvalidOperationException>(() => ExperimentRun.Start(Experiment(), new RunOptions(ExperimentRunTests.TempRuns()),
            TextWriter.Null, [new RunningSum(), new RunningSum()]));
        Assert.Contains("'running_sum'", error.Message);
    }

    [Fact]
    public void Callbacks_passed_in_are_added_to_the_records_and_the_console_lines()
    {
        var log = new StringWriter();
        var result = ExperimentRun.Start(Experiment(), new RunOptions(ExperimentRunTests.TempRuns()), log, [new RunningSum()]);
        Assert.Equal([1, 2, 3, 4], result.Directory.ReadMetrics().Select(m => m.Epoch));
        Assert.Equal("completed", result.Directory.ReadSummary()!.Status);
        Assert.True(File.Exists(result.Directory.CurvesFile) && File.Exists(result.Directory.LastCheckpoint));
        Assert.Equal(4, log.ToString().Split('\n').Count(line => line.StartsWith("Epoch ", StringComparison.Ordinal)));
    }

    /// <summary>Replaces a checkpoint's trainer state with what <paramref name="rewrite"/> makes of it, with a valid checksum (as an attacker could).</summary>
    private static void RewriteTrainerState(string checkpoint, Func<JsonNode, JsonNode> rewrite)
    {
        using var scope = torch.NewDisposeScope();
        var (tensors, metadata) = SafeTensors.Load(checkpoint);
        var state = JsonNode.Parse(metadata["deepdsl.trainer_state"])!;
        metadata["deepdsl.trainer_state"] = rewrite(state).ToJsonString();
        metadata.Remove(SafeTensors.DataChecksumKey);
        SafeTensors.Save(checkpoint, tensors, metadata, recordChecksum: true);
    }

    /// <summary>A user's callback with state: a running sum of every batch's learning rate and epoch loss, and counters.</summary>
    private sealed class RunningSum : IStatefulCallback
    {
        public double Sum { get; private set; }
        public int Batches { get; private set; }
        public int Epochs { get; private set; }

        public void OnBatchEnd(TrainingState state, BatchProgress progress)
        {
            Sum += progress.LearningRate * (progress.Step + 1);
            Batches++;
        }

        public void OnEpochEnd(TrainingState state, EpochMetrics metrics)
        {
            Sum += metrics.Loss / 3;
            Epochs++;
        }

        public string StateKey => "running_sum";

        public IReadOnlyDictionary<string, double> SaveState() => new Dictionary<string, double> { ["sum"] = Sum, ["batches"] = Batches, ["epochs"] = Epochs };

        public string? StateProblem(IReadOnlyDictionary<string, double> state, int epochsDone) => StateCheck.First(
            StateCheck.Number(state, "sum"), StateCheck.Whole(state, "batches", 0, int.MaxValue), StateCheck.Whole(state, "epochs", 0, epochsDone));

        public void LoadState(IReadOnlyDictionary<string, double> state)
        {
            Sum = state["sum"];
            Batches = (int)state["batches"];
            Epochs = (int)state["epochs"];
        }
    }
}
