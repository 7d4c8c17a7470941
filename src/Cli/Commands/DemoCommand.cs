using System.CommandLine;
using DeepDsl.Cli.Console;
using DeepDsl.Cli.Demo;
using DeepDsl.Training;

namespace DeepDsl.Cli.Commands;

/// <summary>deepdsl demo: trains the chapter's exercise network on a CIFAR-10 slice, end to end, into a run folder.</summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var epochs = new Option<int>("--epochs") { Description = "Epochs to train", DefaultValueFactory = _ => 3 };
        var samples = new Option<int>("--train-samples") { Description = "Training images (after the 1,000 validation images)", DefaultValueFactory = _ => 10_000 };
        var device = new Option<string?>("--device") { Description = "cpu, cuda, cuda:N or auto" };
        var runs = new Option<string>("--runs") { Description = "Folder for run records", DefaultValueFactory = _ => "runs" };
        var command = new Command("demo", "Train the chapter's 20×100 ELU network on a CIFAR-10 slice, end to end.") { epochs, samples, device, runs };
        command.SetAction((parse, token) =>
        {
            var experiment = new ExerciseNetworkDemo(parse.GetValue(samples), parse.GetValue(epochs));
            var options = new RunOptions(parse.GetValue(runs)!, Device: parse.GetValue(device));
            return Task.FromResult(RunReporter.Run(experiment, options, token));
        });
        return command;
    }
}
