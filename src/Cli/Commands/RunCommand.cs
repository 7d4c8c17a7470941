using System.CommandLine;
using DeepDsl.Cli.Specs;
using DeepDsl.Training;

namespace DeepDsl.Cli.Commands;

/// <summary>deepdsl run FILE: validates the spec, generates and compiles its code, trains, evaluates on the test set, prints where the run is.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "Experiment spec (YAML)" }.NotEmpty();
        var epochs = new Option<int?>("--epochs") { Description = "Override training.epochs" }.AtLeast(1);
        var device = new Option<string?>("--device") { Description = "cpu, cuda, cuda:N or auto (overrides training.device)" }.DeviceName();
        var resume = new Option<string?>("--resume") { Description = "A run folder to continue from its last checkpoint" };
        var runs = new Option<string>("--runs") { Description = "Folder for run records", DefaultValueFactory = _ => "runs" };
        var nproc = new Option<int?>("--nproc") { Description = "Train data-parallel on N local processes (batch_size stays the global batch)" }.AtLeast(1);
        var command = new Command("run", "Train an experiment and record the run.") { file, epochs, device, resume, runs, nproc };
        command.SetAction((parse, token) =>
        {
            var experiment = ExperimentLoader.Load(parse.GetValue(file)!);
            if (experiment is null) return Task.FromResult(1);
            var options = new RunOptions(parse.GetValue(runs)!, parse.GetValue(epochs), parse.GetValue(device), parse.GetValue(resume));
            return Task.FromResult(Distributed.RankedRun.Run(experiment, options, parse.GetValue(nproc), token));
        });
        return command;
    }
}
