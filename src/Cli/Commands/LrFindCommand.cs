using System.CommandLine;
using System.Globalization;
using DeepDsl.Cli.Errors;
using DeepDsl.Cli.Specs;
using DeepDsl.LearningRateSearch;
using DeepDsl.Runs.LrFinds;

namespace DeepDsl.Cli.Commands;

/// <summary>
/// deepdsl lr-find FILE: sweeps the learning rate exponentially (the book's or fastai's way), records the sweep under the
/// runs folder (runs/EXPERIMENT/lr-find/ID/, which the board shows), prints the suggestions, and with --write puts the
/// chosen rate into the spec.
/// </summary>
internal static class LrFindCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "Experiment spec (YAML)" }.NotEmpty();
        var method = new Option<string?>("--method") { Description = "book or fastai (default: the spec's lr_finder.method)" }.AcceptOnlyFromAmong("book", "fastai");
        var plot = new Option<string?>("--plot") { Description = "Also write the SVG plot here (the record holds it as lr_find.svg)" };
        var runs = RunsFolder.Option();
        var device = new Option<string?>("--device") { Description = "cpu, cuda or auto" }.DeviceName();
        var write = new Option<string?>("--write") { Description = "Write a suggestion into the spec's learning_rate (1cycle's max_lr when the schedule is one_cycle): minimum_over_ten, valley, steepest, or minimum (a 1cycle peak, as Smith's range test picks it)" }.AcceptOnlyFromAmong("minimum_over_ten", "valley", "steepest", "minimum");
        var command = new Command("lr-find", "Find a good learning rate with an exponential sweep.") { file, method, plot, device, write, runs };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(file)!;
            var experiment = ExperimentLoader.Load(path);
            if (experiment is null) return ExitCodes.Failed;
            var settings = parse.GetValue(method) is { } m
                ? experiment.LrFinder with { Method = m == "fastai" ? LrFinderMethod.Fastai : LrFinderMethod.Book, StartLr = null }
                : experiment.LrFinder;
            string R(double v) => v.ToString("G3", CultureInfo.InvariantCulture);
            // The suggestions are printed as soon as the sweep ends, before the record is written.
            var (result, record) = LrFindRun.Start(experiment, settings, parse.GetValue(device) ?? experiment.Training.Device, parse.GetValue(runs)!, System.Console.Out, swept =>
            {
                System.Console.WriteLine($"{swept.Points.Count} batches, lr {R(swept.Points[0].Lr)} → {R(swept.Points[^1].Lr)}{(swept.StoppedEarly is null ? "" : $"; stopped: {swept.StoppedEarly}")}");
                System.Console.WriteLine($"Suggested learning rates: minimum/10 = {R(swept.MinimumOverTen)}, valley = {R(swept.Valley)}, steepest = {R(swept.Steepest)} (minimum at {R(swept.Minimum)})");
            });
            System.Console.WriteLine($"Record: {record.Path}");
            var svg = parse.GetValue(plot);
            // The record's own plot, copied: the same figure, drawn once.
            if (svg is not null) IO.AtomicFile.WriteAllBytes(svg, File.ReadAllBytes(record.PlotFile));
            System.Console.WriteLine($"Plot: {(svg is null ? record.PlotFile : Path.GetFullPath(svg))}");
            if (parse.GetValue(write) is { } choice)
            {
                var rate = choice switch { "valley" => result.Valley, "steepest" => result.Steepest, "minimum" => result.Minimum, _ => result.MinimumOverTen };
                if (LearningRateEdit.Write(path, rate) is not { } key) return ExitCodes.Failed;
                System.Console.WriteLine($"Wrote {key}: {R(rate)} into {path}");
            }
            return ExitCodes.Ok;
        });
        return command;
    }
}
