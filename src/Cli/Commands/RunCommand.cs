using System.CommandLine;
using DeepDsl.Cli.Console;
using DeepDsl.Cli.Errors;
using DeepDsl.Cli.Specs;
using DeepDsl.Runs;
using DeepDsl.Sweeps;

namespace DeepDsl.Cli.Commands;

/// <summary>deepdsl run FILE: validates the spec, generates and compiles its code, trains, evaluates on the test set, prints where the run is.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "Experiment spec (YAML)" }.NotEmpty();
        var epochs = new Option<int?>("--epochs") { Description = "Override training.epochs" }.AtLeast(1);
        var device = new Option<string?>("--device") { Description = "cpu, cuda, cuda:N or auto (overrides training.device)" }.DeviceName();
        var resume = new Option<string?>("--resume") { Description = "A run to continue from its last checkpoint: " + RunsFolder.RunDescription };
        var runs = RunsFolder.Option();
        // For sweep executors: the trial's own run folder (created, or resumed from its checkpoint) and its sweep (for ASHA).
        var runFolder = new Option<string?>("--run-folder") { Description = "Use exactly this run folder (resume it if it has a checkpoint)", Hidden = true };
        var sweep = new Option<string?>("--sweep") { Description = "The sweep folder this run is a trial of", Hidden = true };
        var nproc = new Option<int?>("--nproc") { Description = "Train data-parallel on N local processes (batch_size stays the global batch)" }.Between(1, ArgumentRules.LocalCapacity);
        var threads = new Option<int?>("--threads") { Description = "CPU threads for the math (default: $OMP_NUM_THREADS, else 1); recorded in summary.json" }.Between(1, ArgumentRules.LocalCapacity);
        var activations = new Option<int?>("--activation-stats")
        {
            Description = "Record each layer's output mean and std at N evenly spaced steps of the first epoch (activations.csv in the run)",
        }.Between(1, (1000, "samples of one epoch"));
        var tensorBoard = new Option<bool>("--tensorboard") { Description = "Also write TensorBoard event files into the run folder (as training.tensorboard: true)" };
        var command = new Command("run", "Train an experiment and record the run.") { file, epochs, device, resume, runs, nproc, threads, activations, tensorBoard, runFolder, sweep };
        command.SetAction((parse, token) =>
        {
            // A local sweep's trial stops, as if interrupted, when its sweep command is gone (ParentWatch).
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(token);
            using var orphaned = ParentWatch.Start(stop);
            // The live line says what happens from the first tenth of a second: compiling takes seconds.
            using var display = LiveDisplay.StartIfTerminal();
            display?.Status.Phase($"compiling {Path.GetFileName(parse.GetValue(file)!)} (generating and compiling its C#)");
            var experiment = ExperimentLoader.Load(parse.GetValue(file)!);
            if (experiment is null) return Task.FromResult(ExitCodes.Failed);
            var options = new RunOptions(parse.GetValue(runs)!, parse.GetValue(epochs), parse.GetValue(device), parse.GetValue(resume) is { } resumed ? RunCatalog.Find(resumed, parse.GetValue(runs)!).Path : null, parse.GetValue(runFolder),
                Threads: parse.GetValue(threads), ActivationSamples: parse.GetValue(activations), TensorBoard: parse.GetValue(tensorBoard));
            return Task.FromResult(Distributed.RankedRun.Run(experiment, options, parse.GetValue(nproc), stop.Token, display, TrialCallbacks.For(parse.GetValue(sweep))));
        });
        return command;
    }
}
