using System.CommandLine;
using System.Globalization;
using DeepDsl.Cli.Errors;
using DeepDsl.Cli.Specs;
using DeepDsl.Runs;

namespace DeepDsl.Cli.Commands;

/// <summary>deepdsl eval RUN [--mc-dropout N]: the best checkpoint on the test set; with MC dropout, N stochastic passes against plain inference.</summary>
internal static class EvalCommand
{
    public static Command Create()
    {
        var runArgument = new Argument<string>("run") { Description = RunsFolder.RunDescription }.NotEmpty();
        var runsRoot = RunsFolder.Option();
        var samples = new Option<int?>("--mc-dropout") { Description = "Monte Carlo dropout passes (default: the spec's evaluation.mc_dropout.samples, if any)" }.AtLeast(1);
        var device = new Option<string?>("--device") { Description = "cpu, cuda or auto" }.DeviceName();
        var command = new Command("eval", "Evaluate a finished run's best checkpoint on the test set.") { runArgument, samples, device, runsRoot };
        command.SetAction(parse =>
        {
            var run = RunCatalog.Find(parse.GetValue(runArgument)!, parse.GetValue(runsRoot)!);
            using var trained = TrainedRun.Open(run, RunExperiment.Load(run), parse.GetValue(device), System.Console.Out);
            trained.Data.RequireTest("eval");
            var plain = trained.Evaluate();
            var text = CultureInfo.InvariantCulture;
            System.Console.WriteLine(string.Create(text, $"Test: loss {plain.Loss:F4}, accuracy {plain.Accuracy:P2} ({plain.Examples} images)"));
            if ((parse.GetValue(samples) ?? trained.Experiment.Evaluation.McDropoutSamples) is not { } count) return ExitCodes.Ok;
            if (!trained.HasDropout)
            {
                System.Console.Error.WriteLine("MC dropout needs a dropout or alpha_dropout layer; this model has none.");
                return ExitCodes.Failed;
            }
            var mc = trained.McDropout(count);
            System.Console.WriteLine(string.Create(text,
                $"MC dropout ({count} passes): accuracy {mc.McAccuracy:P2} vs plain {mc.PlainAccuracy:P2} ({(mc.McAccuracy - mc.PlainAccuracy) * 100:+0.00;-0.00} points); " +
                $"mean predictive std {mc.MeanPredictiveStd:F4}; {mc.McSecondsPerExample * 1e3:F3} ms/image vs {mc.PlainSecondsPerExample * 1e3:F3} ms/image plain"));
            System.Console.WriteLine($"Saved {trained.Save(mc)}");
            return ExitCodes.Ok;
        });
        return command;
    }
}
