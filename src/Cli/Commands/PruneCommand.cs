using System.CommandLine;
using System.Globalization;
using DeepDsl.Cli.Errors;
using DeepDsl.Cli.Specs;
using DeepDsl.Runs;
using DeepDsl.Training;
using Spectre.Console;

namespace DeepDsl.Cli.Commands;

/// <summary>deepdsl prune RUN --sparsity S [--fine-tune EPOCHS]: magnitude-prunes the best checkpoint, reports sparsity per layer and accuracy before and after.</summary>
internal static class PruneCommand
{
    public static Command Create()
    {
        var runArgument = new Argument<string>("run") { Description = RunsFolder.RunDescription }.NotEmpty();
        var runsRoot = RunsFolder.Option();
        var sparsity = new Option<double?>("--sparsity") { Description = "Fraction of dense weights to zero, in [0, 1) (default: the spec's pruning.target_sparsity)" }.Fraction();
        var fineTune = new Option<int?>("--fine-tune") { Description = "Epochs of training with the masks held (default: the spec's pruning.fine_tune_epochs)" }.AtLeast(0);
        var command = new Command("prune", "Magnitude-prune a run's best model.") { runArgument, sparsity, fineTune, runsRoot };
        command.SetAction(parse =>
        {
            var run = RunCatalog.Find(parse.GetValue(runArgument)!, parse.GetValue(runsRoot)!);
            var experiment = RunExperiment.Load(run);
            if ((parse.GetValue(sparsity) ?? experiment.Pruning?.TargetSparsity) is not { } target)
            {
                System.Console.Error.WriteLine("no sparsity: pass --sparsity or set pruning.target_sparsity in the spec");
                return ExitCodes.Failed;
            }
            var epochs = parse.GetValue(fineTune) ?? (int)(experiment.Pruning?.FineTuneEpochs ?? 0);
            using var trained = TrainedRun.Open(run, experiment, log: System.Console.Out);
            trained.Data.RequireTest("prune");
            var before = trained.Evaluate();
            trained.Prune(target);
            var after = trained.Evaluate();
            EvaluationResult? tuned = null;
            if (epochs > 0)
            {
                trained.FineTune(epochs, [new EpochLog(System.Console.Out)]);
                tuned = trained.Evaluate();
            }
            var text = CultureInfo.InvariantCulture;
            var table = new Table().AddColumns("layer", "weights", "zeros", "sparsity");
            foreach (var layer in trained.PrunedLayers()) table.AddRow(layer.Name, layer.Elements.ToString("N0", text), layer.Zeros.ToString("N0", text), layer.Sparsity.ToString("P1", text));
            AnsiConsole.Write(table);
            System.Console.WriteLine(string.Create(text,
                $"Test accuracy: {before.Accuracy:P2} before, {after.Accuracy:P2} after pruning{(tuned is null ? "" : $", {tuned.Accuracy:P2} after {epochs} fine-tuning epoch(s)")}"));
            return ExitCodes.Ok;
        });
        return command;
    }
}
