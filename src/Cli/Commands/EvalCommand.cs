using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using DeepDsl.Cli.Errors;
using DeepDsl.Cli.Specs;
using DeepDsl.Data;
using DeepDsl.Evaluation;
using DeepDsl.Experiments;
using DeepDsl.Runs;
using DeepDsl.Training;

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
            var experiment = RunExperiment.Load(run);
            var target = DeviceSelection.Resolve(parse.GetValue(device) ?? experiment.Training.Device);
            using var model = experiment.CreateModel();
            Checkpoints.Load(run.BestCheckpoint, model, optimizer: null);
            model.to(target);
            using var data = DatasetLoader.Load(experiment.Data, target, System.Console.Out);
            data.RequireTest("eval");
            model.eval();
            var plain = Trainer.Evaluate(model, new LossFunction(experiment.Training.Loss, (model as IClassifierModel)?.Output ?? OutputActivation.Linear), data.TestX, data.TestY);
            var text = CultureInfo.InvariantCulture;
            System.Console.WriteLine(string.Create(text, $"Test: loss {plain.Loss:F4}, accuracy {plain.Accuracy:P2} ({plain.Examples} images)"));
            var n = parse.GetValue(samples) ?? experiment.Evaluation.McDropoutSamples;
            if (n is not { } count) return ExitCodes.Ok;
            if (!McDropout.HasDropout(model))
            {
                System.Console.Error.WriteLine("MC dropout needs a dropout or alpha_dropout layer; this model has none.");
                return ExitCodes.Failed;
            }
            torch_seed(experiment.Seed);
            var mc = McDropout.Compare(model, data.TestX, data.TestY, count);
            System.Console.WriteLine(string.Create(text,
                $"MC dropout ({count} passes): accuracy {mc.McAccuracy:P2} vs plain {mc.PlainAccuracy:P2} ({(mc.McAccuracy - mc.PlainAccuracy) * 100:+0.00;-0.00} points); " +
                $"mean predictive std {mc.MeanPredictiveStd:F4}; {mc.McSecondsPerExample * 1e3:F3} ms/image vs {mc.PlainSecondsPerExample * 1e3:F3} ms/image plain"));
            var file = Path.Combine(run.Path, "mc_dropout.json");
            IO.AtomicFile.WriteAllText(file, JsonSerializer.Serialize(mc, RunJson.Options) + "\n", run.Owned);
            System.Console.WriteLine($"Saved {file}");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static void torch_seed(ulong seed) => DeepDsl.Torch.torch.manual_seed(seed);
}
