using System.CommandLine;
using DeepDsl.Cli.Console;
using DeepDsl.Cli.Specs;
using DeepDsl.Runs;
using DeepDsl.Training;

namespace DeepDsl.Cli.Commands;

/// <summary>deepdsl run FILE: validates the spec, generates and compiles its code, trains, evaluates on the test set, prints where the run is.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "Experiment spec (YAML)" };
        var epochs = new Option<int?>("--epochs") { Description = "Override training.epochs" };
        var device = new Option<string?>("--device") { Description = "cpu, cuda, cuda:N or auto (overrides training.device)" };
        var resume = new Option<string?>("--resume") { Description = "A run to continue from its last checkpoint: " + RunsFolder.RunDescription };
        var runs = RunsFolder.Option();
        var command = new Command("run", "Train an experiment and record the run.") { file, epochs, device, resume, runs };
        command.SetAction((parse, token) =>
        {
            // The live line says what happens from the first tenth of a second: compiling takes seconds.
            using var display = LiveDisplay.StartIfTerminal();
            display?.Status.Phase($"compiling {Path.GetFileName(parse.GetValue(file)!)} (generating and compiling its C#)");
            var experiment = ExperimentLoader.Load(parse.GetValue(file)!);
            if (experiment is null) return Task.FromResult(1);
            var options = new RunOptions(parse.GetValue(runs)!, parse.GetValue(epochs), parse.GetValue(device), parse.GetValue(resume) is { } resumed ? RunCatalog.Find(resumed, parse.GetValue(runs)!).Path : null);
            return Task.FromResult(RunReporter.Run(experiment, options, token, display));
        });
        return command;
    }
}
