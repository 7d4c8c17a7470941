using System.CommandLine;
using System.Globalization;
using System.Text.RegularExpressions;
using DeepDsl.Cli.Specs;
using DeepDsl.LearningRateSearch;
using DeepDsl.Plots;
using DeepDsl.Training;

namespace DeepDsl.Cli.Commands;

/// <summary>
/// deepdsl lr-find FILE: sweeps the learning rate exponentially (the book's or fastai's way), plots loss
/// against rate, prints the suggestions, and with --write puts the chosen rate into the spec.
/// </summary>
internal static class LrFindCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "Experiment spec (YAML)" }.NotEmpty();
        var method = new Option<string?>("--method") { Description = "book or fastai (default: the spec's lr_finder.method)" }.AcceptOnlyFromAmong("book", "fastai");
        var plot = new Option<string?>("--plot") { Description = "Where to write the SVG plot (default: lr-find-<name>.svg)" };
        var device = new Option<string?>("--device") { Description = "cpu, cuda or auto" }.DeviceName();
        var write = new Option<string?>("--write") { Description = "Write a suggestion into the spec's learning_rate: minimum_over_ten, valley or steepest" }.AcceptOnlyFromAmong("minimum_over_ten", "valley", "steepest");
        var command = new Command("lr-find", "Find a good learning rate with an exponential sweep.") { file, method, plot, device, write };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(file)!;
            var experiment = ExperimentLoader.Load(path);
            if (experiment is null) return 1;
            var settings = parse.GetValue(method) is { } m
                ? experiment.LrFinder with { Method = m == "fastai" ? LrFinderMethod.Fastai : LrFinderMethod.Book, StartLr = null }
                : experiment.LrFinder;
            var result = LearningRateSweep.Run(experiment, settings, parse.GetValue(device) ?? experiment.Training.Device, System.Console.Out);
            var svg = parse.GetValue(plot) ?? $"lr-find-{experiment.Name}.svg";
            IO.AtomicFile.WriteAllText(svg, LearningRatePlot.Render(experiment.Name, result));
            string R(double v) => v.ToString("G3", CultureInfo.InvariantCulture);
            System.Console.WriteLine($"{result.Points.Count} batches, lr {R(result.Points[0].Lr)} → {R(result.Points[^1].Lr)}{(result.StoppedEarly is null ? "" : $"; stopped: {result.StoppedEarly}")}");
            System.Console.WriteLine($"Suggested learning rates: minimum/10 = {R(result.MinimumOverTen)}, valley = {R(result.Valley)}, steepest = {R(result.Steepest)} (minimum at {R(result.Minimum)})");
            System.Console.WriteLine($"Plot: {Path.GetFullPath(svg)}");
            if (parse.GetValue(write) is { } choice)
            {
                var rate = choice switch { "valley" => result.Valley, "steepest" => result.Steepest, _ => result.MinimumOverTen };
                if (!WriteLearningRate(path, rate)) return 1;
                System.Console.WriteLine($"Wrote learning_rate: {R(rate)} into {path}");
            }
            return 0;
        });
        return command;
    }

    /// <summary>Replaces the learning_rate (or lr) value of the spec's own optimizer line, keeping everything else as written.</summary>
    private static bool WriteLearningRate(string path, double rate)
    {
        var text = SpecFiles.ReadText(path);
        var pattern = new Regex(@"(\b(?:learning_rate|lr)\s*:\s*)([-+0-9.eE]+)");
        var matches = pattern.Matches(text);
        if (matches.Count != 1)
        {
            System.Console.Error.WriteLine($"{path}: cannot write the rate: expected one learning_rate in the file, found {matches.Count}; set it by hand");
            return false;
        }
        IO.AtomicFile.WriteAllText(path, pattern.Replace(text, m => m.Groups[1].Value + rate.ToString("0.###e+0", CultureInfo.InvariantCulture)));
        return true;
    }
}
