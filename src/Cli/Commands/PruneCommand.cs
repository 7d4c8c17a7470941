using System.CommandLine;
using System.Globalization;
using DeepDsl.Cli.Errors;
using DeepDsl.Cli.Specs;
using DeepDsl.Data;
using DeepDsl.Experiments;
using DeepDsl.Pruning;
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
            var target = parse.GetValue(sparsity) ?? experiment.Pruning?.TargetSparsity;
            if (target is not { } s)
            {
                System.Console.Error.WriteLine("no sparsity: pass --sparsity or set pruning.target_sparsity in the spec");
                return ExitCodes.Failed;
            }
            var epochs = parse.GetValue(fineTune) ?? (int)(experiment.Pruning?.FineTuneEpochs ?? 0);
            var device = DeviceSelection.Resolve(experiment.Training.Device);
            using var model = experiment.CreateModel();
            Checkpoints.Load(run.BestCheckpoint, model, optimizer: null);
            model.to(device);
            using var data = DatasetLoader.Load(experiment.Data, device, System.Console.Out);
            data.RequireTest("prune");
            var loss = new LossFunction(experiment.Training.Loss, (model as IClassifierModel)?.Output ?? OutputActivation.Linear);
            EvaluationResult Test() { model.eval(); return Trainer.Evaluate(model, loss, data.TestX, data.TestY); }
            var before = Test();
            using var pruning = MagnitudePruning.Prune(model, s);
            var after = Test();
            EvaluationResult? tuned = null;
            if (epochs > 0)
            {
                using var optimizer = experiment.CreateOptimizer(model.parameters());
                var steps = (int)((data.TrainCount + experiment.Training.BatchSize - 1) / experiment.Training.BatchSize);
                var trainer = new Trainer(model, optimizer, null, experiment.Training.Loss, experiment.Seed, [pruning.Callback, new EpochLog(System.Console.Out)]);
                trainer.Fit(data, new TrainingState(model, optimizer, null, epochs, steps), experiment.Training.BatchSize, shuffle: true);
                tuned = Test();
            }
            var table = new Table().AddColumns("layer", "weights", "zeros", "sparsity");
            foreach (var layer in pruning.Report())
                table.AddRow(layer.Name, layer.Elements.ToString("N0", CultureInfo.InvariantCulture), layer.Zeros.ToString("N0", CultureInfo.InvariantCulture), layer.Sparsity.ToString("P1", CultureInfo.InvariantCulture));
            AnsiConsole.Write(table);
            System.Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Test accuracy: {before.Accuracy:P2} before, {after.Accuracy:P2} after pruning{(tuned is null ? "" : $", {tuned.Accuracy:P2} after {epochs} fine-tuning epoch(s)")}"));
            return ExitCodes.Ok;
        });
        return command;
    }
}
