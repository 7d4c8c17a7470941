using System.CommandLine;
using System.Globalization;
using DeepDsl.Cli.Console;
using DeepDsl.Cli.Errors;
using DeepDsl.Cli.Specs;
using DeepDsl.Cli.Sweeps;

namespace DeepDsl.Cli.Commands;

/// <summary>
/// deepdsl sweep FILE: runs the trials of a spec's sweep: section, here (--executor local --parallel N) or as a Slurm job
/// array (--executor slurm); --dry-run lists them. Re-running continues the sweep. deepdsl sweep report DIR|NAME: the leaderboard.
/// </summary>
internal static class SweepCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "A spec with a sweep: section" }.NotEmpty();
        var dryRun = new Option<bool>("--dry-run") { Description = "List the trials (index, spec hash, values) and stop" };
        var executor = new Option<string>("--executor") { Description = "local (processes here) or slurm (a job array)", DefaultValueFactory = _ => "local" }.AcceptOnlyFromAmong("local", "slurm");
        var parallel = new Option<int?>("--parallel") { Description = "Trials at a time (local: default 1; slurm: the array's limit)" }.Between(1, (DeepDsl.Dsl.Sweeps.SweepReader.MaxTrials, "a sweep's most trials"));
        var runs = new Option<string>("--runs") { Description = "Folder for run records; the sweep goes to RUNS/NAME/sweep", DefaultValueFactory = _ => "runs" };
        var wait = new Option<bool>("--wait") { Description = "slurm: wait for the job array, retry failed trials once, then report" };
        var ranks = new Option<int>("--tasks-per-trial") { Description = "Processes per trial: each trial trains data-parallel on N ranks (local: --nproc N; slurm: srun -n N)", DefaultValueFactory = _ => 1 }.Between(1, ArgumentRules.ClusterCapacity);
        var slurmOptions = new Option<string[]>("--slurm-option") { Description = "An sbatch option for every task, K=V (partition=gpu, time=02:00:00, gres=gpu:1)", AllowMultipleArgumentsPerToken = false };
        var command = new Command("sweep", "Run the trials of a sweep, here or on Slurm.") { file, dryRun, executor, parallel, runs, wait, ranks, slurmOptions };
        command.Subcommands.Add(ReportCommand());
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
                foreach (var trial in compilation.Trials)
                    // The whole hash: it names the trial's files (trials/<hash>.yaml, trials/<hash>/).
                    System.Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{trial.Index,4}  {trial.Spec.ContentHash}  {TerminalText.Escape(trial.Describe())}"));
                System.Console.WriteLine($"{compilation.Trials.Count} trials");
                return Task.FromResult(ExitCodes.Ok);
            }
            if (parse.GetValue(executor) != "slurm" && parse.GetValue(ranks) > ArgumentRules.LocalCapacity.Value)
                throw new UsageException($"--tasks-per-trial must be at most {ArgumentRules.LocalCapacity.Value} ({ArgumentRules.LocalCapacity.Why}) with the local executor, not {parse.GetValue(ranks)}.");
            // Checked before anything is written: options and folders that a batch script could not carry.
            var sbatchOptions = (parse.GetValue(slurmOptions) ?? []).Select(SbatchOption).ToList();
            if (parse.GetValue(executor) == "slurm") SlurmExecutor.Check(SweepFolder.For(parse.GetValue(runs)!, compilation.Spec!.Name));
            using var session = SweepSession.Open(path, parse.GetValue(runs)!, compilation);
            session.Precompile(System.Console.Out);
            var finished = parse.GetValue(executor) == "slurm"
                ? SlurmExecutor.Run(session, parse.GetValue(parallel), parse.GetValue(ranks), sbatchOptions, parse.GetValue(wait), System.Console.Out)
                : LocalExecutor.Run(session, parse.GetValue(parallel) ?? 1, parse.GetValue(ranks), System.Console.Out, token);
            if (token.IsCancellationRequested) return Task.FromResult(ExitCodes.Interrupted);
            if (parse.GetValue(executor) == "slurm" && !parse.GetValue(wait)) return Task.FromResult(ExitCodes.Ok);
            SweepReport.Write(session.Folder, session.State, System.Console.Out);
            var failed = session.State.Trials.Count(t => t.Status == TrialState.Failed);
            if (failed > 0) System.Console.Error.WriteLine($"deepdsl: error: {failed} trial(s) failed twice; their logs are in {session.Folder.Logs}");
            var left = session.State.Trials.Count(t => SweepSession.IsRunnable(t) || t.Status == TrialState.Running);
            if (!finished && failed == 0 && left > 0)
                System.Console.Error.WriteLine($"deepdsl: error: {left} trial(s) did not run to the end (never started, or running in another process); run the sweep again to continue them");
            return Task.FromResult(finished && failed == 0 ? ExitCodes.Ok : ExitCodes.Failed);
        });
        return command;
    }

    private static Command ReportCommand()
    {
        var sweep = new Argument<string>("sweep") { Description = "A sweep folder, or the sweep's name (under --runs)" }.NotEmpty();
        var runs = new Option<string>("--runs") { Description = "Folder holding the runs", DefaultValueFactory = _ => "runs" };
        var command = new Command("report", "A sweep's leaderboard, best spec, plots and mean ± std across seeds.") { sweep, runs };
        command.SetAction(parse =>
        {
            var folder = SweepFolder.Find(parse.GetValue(sweep)!, parse.GetValue(runs)!)
                         ?? throw new DeepDsl.Runs.RunException($"{parse.GetValue(sweep)} is not a sweep folder or the name of a sweep under {parse.GetValue(runs)}");
            var state = SweepState.Read(folder)!;
            SweepReport.Write(folder, state, System.Console.Out);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string SbatchOption(string option)
    {
        var parts = option.Split('=', 2);
        // The name is a word of letters; the value goes through SbatchDirective, which carries anything but control characters.
        if (parts[0].Length == 0 || parts[0].Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_')) || parts.Length == 2 && !SbatchDirective.CanCarry(parts[1]))
            throw new UsageException($"--slurm-option {DeepDsl.Dsl.Diagnostics.Quoted.Bare(option)}: expected K=V with an sbatch option name and a value without control characters, e.g. partition=gpu");
        return parts.Length == 2 ? $"{parts[0]}={parts[1]}" : parts[0];
    }
}
