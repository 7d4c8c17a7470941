using DeepDsl.Runs;
using DeepDsl.Runtime.Tests.Runs;
using DeepDsl.Runtime.Tests.Training;
using DeepDsl.TensorBoard;
using DeepDsl.Training;

namespace DeepDsl.Runtime.Tests.TensorBoard;

public sealed class TensorBoardResumeTests
{
    [Fact]
    public void A_resumed_run_writes_a_second_file_that_restarts_at_its_first_epoch_and_together_they_hold_metrics_csv()
    {
        var root = ExperimentRunTests.TempRuns();
        try
        {
            var experiment = new SyntheticExperiment { Training = new SyntheticExperiment().Training with { Epochs = 3 } };
            var run = new RunDirectory(Path.Combine(root, "resumed"));
            using var cancel = new CancellationTokenSource();
            var interrupted = ExperimentRun.Start(experiment, new RunOptions(root, RunFolder: run.Path, TensorBoard: true), TextWriter.Null,
                [new CancelDuringEpoch(cancel, epoch: 1)], cancel.Token);
            Assert.Equal("interrupted", interrupted.Summary.Status);
            ExperimentRun.Start(experiment, new RunOptions(root, RunFolder: run.Path, TensorBoard: true), TextWriter.Null);

            // Files in the order they were written: their names sort by start time, then by the process's count.
            var files = Directory.GetFiles(run.Path, "events.out.tfevents.*").OrderBy(f => long.Parse(f.Split('.')[^1])).ToList();
            Assert.Equal(2, files.Count);
            var first = EventFileReader.Events(File.ReadAllBytes(files[0]));
            var second = EventFileReader.Events(File.ReadAllBytes(files[1]));
            Assert.Equal([1L], Epochs(first));
            // SessionLog START (1) at step 2: TensorBoard drops what earlier files recorded from step 2 on.
            Assert.Equal("brain.Event:2", second[0].FileVersion);
            Assert.Equal((1, 2L), (second[1].SessionLogStatus, second[1].Step));
            Assert.Equal([2L, 3L], Epochs(second));

            var metrics = run.ReadMetrics();
            var logged = first.Concat(second).Where(e => e.Values.Any(v => v.Tag == "loss")).ToList();
            Assert.Equal(metrics.Select(m => (float)m.Loss), logged.Select(e => e.Values.Single(v => v.Tag == "loss").SimpleValue!.Value));
            Assert.Equal(metrics.Select(m => (float)m.ValAccuracy), logged.Select(e => e.Values.Single(v => v.Tag == "val_accuracy").SimpleValue!.Value));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static IEnumerable<long> Epochs(IEnumerable<TensorBoardEvent> events) =>
        events.Where(e => e.Values.Any(v => v.Tag == "loss")).Select(e => e.Step);
}
