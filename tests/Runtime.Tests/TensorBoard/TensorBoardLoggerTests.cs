using System.Text;
using DeepDsl.Runs;
using DeepDsl.Runtime.Tests.Runs;
using DeepDsl.Runtime.Tests.Training;
using DeepDsl.Schedules;
using DeepDsl.TensorBoard;
using DeepDsl.Training;

namespace DeepDsl.Runtime.Tests.TensorBoard;

/// <summary>
/// A run with the TensorBoard logger, read back by <see cref="EventFileReader"/> (the format by hand, its own CRC-32C) and
/// compared with the run's metrics.csv. One run, 3 epochs of 1cycle with cycling momentum, shared by the tests.
/// </summary>
public sealed class TensorBoardLoggerTests(TensorBoardLoggerTests.LoggedRun logged) : IClassFixture<TensorBoardLoggerTests.LoggedRun>
{
    [Fact]
    public void The_test_readers_crc32c_is_crc32c()
    {
        // The check value of CRC-32C (Castagnoli), as the CRC catalogues list it.
        Assert.Equal(0xE3069283u, Crc32C.Of("123456789"u8));
    }

    [Fact]
    public void A_run_folder_holds_one_event_file_named_as_tensorboard_finds_it()
    {
        var file = Assert.Single(Directory.GetFiles(logged.Run.Path, "events.out.tfevents.*"));
        Assert.Matches(@"^events\.out\.tfevents\.\d{10}\.[A-Za-z0-9._-]+\.\d+\.\d+$", Path.GetFileName(file));
    }

    [Fact]
    public void Every_record_is_framed_with_both_crcs_and_the_first_event_is_the_file_version()
    {
        var events = EventFileReader.Events(logged.Bytes);
        Assert.Equal("brain.Event:2", events[0].FileVersion);
        Assert.Empty(events[0].Values);
        Assert.All(events.Skip(1), e => Assert.Null(e.FileVersion));
    }

    [Fact]
    public void A_flipped_bit_anywhere_in_a_record_is_caught_by_a_crc()
    {
        foreach (var at in (int[])[3, 10, 20, logged.Bytes.Length - 2])
        {
            var damaged = (byte[])logged.Bytes.Clone();
            damaged[at] ^= 0x10;
            Assert.Throws<InvalidDataException>(() => EventFileReader.Records(damaged));
        }
    }

    [Fact]
    public void Each_epoch_is_one_event_whose_scalars_equal_metrics_csv()
    {
        var metrics = logged.Run.ReadMetrics();
        Assert.Equal(3, metrics.Count);
        var epochs = Scalars(EventFileReader.Events(logged.Bytes)).ToList();
        Assert.Equal([1L, 2L, 3L], epochs.Select(e => e.Step));
        foreach (var (row, logged) in metrics.Zip(epochs))
        {
            var values = logged.Values.ToDictionary(v => v.Tag, v => v.SimpleValue!.Value);
            Assert.Equal(["lr", "loss", "accuracy", "val_loss", "val_accuracy", "seconds", "momentum"], values.Keys);
            foreach (var column in MetricsCsv.Header.Split(',').Skip(1)) Assert.Equal((float)row[column], values[column]);
        }
    }

    [Fact]
    public void The_momentum_is_the_one_the_schedule_set_for_each_epochs_last_step()
    {
        var schedule = logged.Schedule!;
        var momentum = Scalars(EventFileReader.Events(logged.Bytes)).Select(e => e.Values.Single(v => v.Tag == "momentum").SimpleValue);
        Assert.Equal([.. Enumerable.Range(1, 3).Select(epoch => (float?)schedule.MomentumAt((long)epoch * logged.StepsPerEpoch - 1))], momentum);
        Assert.True(momentum.Distinct().Count() > 1, "1cycle changes the momentum from epoch to epoch");
    }

    [Fact]
    public void Metrics_csv_records_the_momentum_nadam_used_at_each_epochs_last_step()
    {
        var schedule = logged.Schedule!;
        Assert.Equal([.. Enumerable.Range(1, 3).Select(epoch => schedule.MomentumAt((long)epoch * logged.StepsPerEpoch - 1)!.Value)],
            logged.Run.ReadMetrics().Select(m => m.Momentum));
    }

    [Fact]
    public void Wall_times_are_the_seconds_since_1970_while_the_run_trained_in_order()
    {
        var times = EventFileReader.Events(logged.Bytes).Select(e => e.WallTime).ToList();
        Assert.All(times, t => Assert.InRange(t, logged.Started.ToUnixTimeMilliseconds() / 1000.0 - 1, logged.Finished.ToUnixTimeMilliseconds() / 1000.0 + 1));
        Assert.Equal(times.Order(), times);
    }

    [Fact]
    public void The_resolved_spec_is_one_text_summary()
    {
        var text = Assert.Single(EventFileReader.Events(logged.Bytes).SelectMany(e => e.Values), v => v.PluginName == "text");
        Assert.Equal("spec", text.Tag);
        Assert.Equal([logged.Experiment.ResolvedSpec], text.Strings);
    }

    [Fact]
    public void The_hyperparameters_are_one_hparams_session_start_at_step_0()
    {
        var events = EventFileReader.Events(logged.Bytes);
        var start = Assert.Single(events, e => e.Values.Any(v => v.Tag == "_hparams_/session_start_info"));
        Assert.Equal(0, start.Step);
        var value = start.Values.Single(v => v.Tag == "_hparams_/session_start_info");
        Assert.Equal("hparams", value.PluginName);
        // HParamsPluginData: version = 1 (0), session_start_info = 3; SessionStartInfo: hparams = 1, a map of
        // google.protobuf.Value (number_value = 2, string_value = 3, bool_value = 4).
        var data = ProtoReader.Fields(value.PluginContent);
        Assert.DoesNotContain(data, f => f.Number == 1 && f.Varint != 0);
        var hparams = data.Single(f => f.Number == 3).Message.Where(f => f.Number == 1).Select(e => e.Message).ToDictionary(
            entry => entry.Single(f => f.Number == 1).Text,
            entry => entry.Single(f => f.Number == 2).Message.Single());
        Assert.Equal(42.0, hparams["seed"].Double);
        Assert.Equal(100.0, hparams["data.validation"].Double);
        Assert.Equal(32.0, hparams["training.batch_size"].Double);
        Assert.Equal(3.0, hparams["training.epochs"].Double);
        Assert.Equal("sparse_categorical_crossentropy", hparams["training.loss"].Text);
        Assert.Equal("nadam", hparams["training.optimizer"].Text);
        Assert.Equal(1ul, hparams["training.shuffle"].Varint);
        Assert.Equal(4, hparams["training.shuffle"].Number);
        Assert.Equal("0123456789ab", hparams["spec_hash"].Text);
    }

    [Fact]
    public void The_last_event_ends_the_hparams_session_with_the_runs_outcome()
    {
        var last = EventFileReader.Events(logged.Bytes)[^1];
        Assert.Equal(3, last.Step);
        var value = Assert.Single(last.Values);
        Assert.Equal(("_hparams_/session_end_info", "hparams"), (value.Tag, value.PluginName));
        // SessionEndInfo = 4 in HParamsPluginData; its status = 1: STATUS_SUCCESS = 1 (the run completed).
        var end = ProtoReader.Fields(value.PluginContent).Single(f => f.Number == 4).Message;
        Assert.Equal(1ul, end.Single(f => f.Number == 1).Varint);
    }

    private static IEnumerable<TensorBoardEvent> Scalars(IEnumerable<TensorBoardEvent> events) =>
        events.Where(e => e.Values.Count > 0 && e.Values.All(v => v.SimpleValue is not null));

    /// <summary>The run the tests read: trained once into a folder of its own, with the logger among its callbacks.</summary>
    public sealed class LoggedRun : IDisposable
    {
        public LoggedRun()
        {
            var root = ExperimentRunTests.TempRuns();
            Experiment = new SyntheticExperiment
            {
                Training = new SyntheticExperiment().Training with { Epochs = 3 },
                Schedule = (steps, epochs) => Schedule = new OneCycleSchedule(OneCycleVariant.Fastai, (long)steps * epochs, MaxLr: 0.05),
            };
            Run = new RunDirectory(Path.Combine(root, "logged"));
            Started = DateTimeOffset.UtcNow;
            var steps = new StepsPerEpoch();
            ExperimentRun.Start(Experiment, new RunOptions(root, RunFolder: Run.Path, TensorBoard: true), TextWriter.Null, [steps]);
            Finished = DateTimeOffset.UtcNow;
            StepsPerEpoch = steps.Value;
            Bytes = File.ReadAllBytes(Directory.GetFiles(Run.Path, "events.out.tfevents.*").Single());
        }

        internal SyntheticExperiment Experiment { get; }
        public OneCycleSchedule? Schedule { get; private set; }
        public RunDirectory Run { get; }
        public DateTimeOffset Started { get; }
        public DateTimeOffset Finished { get; }
        public int StepsPerEpoch { get; }
        public byte[] Bytes { get; }

        public void Dispose() => Directory.Delete(Path.GetDirectoryName(Run.Path)!, recursive: true);
    }

    private sealed class StepsPerEpoch : ITrainingCallback
    {
        public int Value { get; private set; }

        public void OnTrainBegin(TrainingState state) => Value = state.StepsPerEpoch;
    }
}
