using System.CommandLine;
using DeepDsl.Cli.Specs;
using DeepDsl.Cli.Sweeps;
using DeepDsl.Sweeps;
using DeepDsl.Processes;

namespace DeepDsl.Cli.Commands;

/// <summary>
/// deepdsl sweep FILE: runs the trials of a spec's sweep: section, here (--executor local --parallel N) or as a Slurm job
/// array (--executor slurm); --dry-run lists them. Re-running continues the sweep. deepdsl sweep report DIR|NAME: the leaderboard.
/// The sweep itself is the runtime's (src/Runtime/Sweeps): this parses, calls and prints.
/// </summary>
internal static class SweepCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "A spec with a sweep: section" }.NotEmpty();
        var dryRun = new Option<bool>("--dry-run") { Description = "List the trials (index, spec hash, values) and stop" };
        var runs = new Option<string>("--runs") { Description = "Folder for run records; the sweep goes to RUNS/NAME/sweep", DefaultValueFactory = _ => "runs" };
        var executors = new SweepExecutors();
        var command = new Command("sweep", "Run the trials of a sweep, here or on Slurm.")
            { file, dryRun, executors.Name, executors.Parallel, runs, executors.Wait, executors.Ranks, executors.SbatchOptions };
        command.Subcommands.Add(SweepReportCommand.Create());
        command.SetAction((parse, token) =>
        {
            var path = parse.GetValue(file)!;
            var compilation = SpecFiles.Compile(path);
            foreach (var d in compilation.Diagnostics) System.Console.Error.WriteLine(TerminalText.Escape(d.ToString()));
            if (compilation.HasErrors) return Task.FromResult(ExitCodes.Failed);
            if (compilation.Sweep is null)
            {
                System.Console.Error.WriteLine($"deepdsl: error: {path} has no sweep: section; run it with deepdsl run");
                return Task.FromResult(ExitCodes.Failed);
            }
            if (parse.GetValue(dryRun))
            {
                TrialListing.Write(compilation, System.Console.Out);
                return Task.FromResult(ExitCodes.Ok);
            }
            // Checked before anything is written: options, and folders that the executor could not carry.
            var executor = executors.Create(parse);
            executor.Check(SweepFolder.For(parse.GetValue(runs)!, compilation.Spec!.Name));
            using var session = SweepSession.Open(compilation, parse.GetValue(runs)!, SelfCommand.Current());
            TrialPrecompilation.Run(session, System.Console.Out);
            var outcome = executor.Run(session, System.Console.Out, token);
            return Task.FromResult(token.IsCancellationRequested ? ExitCodes.Interrupted : SweepEnding.Report(session, outcome, System.Console.Out, System.Console.Error));
        });
        return command;
    }
}
