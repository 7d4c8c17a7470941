using System.CommandLine;
using DeepDsl.Sweeps;

namespace DeepDsl.Cli.Commands;

/// <summary>deepdsl sweep report DIR|NAME: a sweep's leaderboard, best spec, plots and mean ± std across seeds, from its folder.</summary>
internal static class SweepReportCommand
{
    public static Command Create()
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
}
