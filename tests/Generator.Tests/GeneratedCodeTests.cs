using DeepDsl.Torch;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DeepDsl.Generator.Tests;

public sealed class GeneratedCodeTests
{
    [Fact]
    public void The_exercise_experiments_generate_code_that_compiles_without_errors_or_warnings()
    {
        var harness = new GeneratorHarness();
        var result = harness.Run(GeneratorHarness.ExperimentFiles());
        Assert.Empty(result.Diagnostics);
        Assert.Equal(8, result.GeneratedTrees.Length); // seven experiments and the catalog
        var problems = harness.Compiled!.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void The_generated_resnet_holds_the_parameters_its_summary_counts_and_maps_images_to_ten_classes()
    {
        var harness = new GeneratorHarness();
        harness.Run(GeneratorHarness.ExperimentFiles());
        AssertModulesHoldTheSummaryAndMap(harness.LoadExperiment("DeepDsl.Generated.Cifar10CnnExperiment"), [2, 3, 32, 32], [2, 10]);
    }

    /// <summary>The model holds the parameters its summary rows count, each layer's module what its row says, and maps <paramref name="input"/> to <paramref name="output"/>.</summary>
    private static void AssertModulesHoldTheSummaryAndMap(DeepDsl.Experiments.IExperiment experiment, long[] input, long[] output)
    {
        using var model = experiment.CreateModel();
        var rows = ((DeepDsl.Training.ISummarizedModel)model).SummaryRows;
        Assert.Equal(model.parameter_count(), rows.Sum(r => r.Parameters));
        // Each layer's module holds what its row says (a residual block's module is its projection).
        var modules = model.named_children().ToDictionary(c => c.Item1, c => c.Item2.parameter_count());
        Assert.All(rows.Where(r => r.Parameters > 0), r => Assert.Equal(r.Parameters, modules[r.Name]));
        using var scope = torch.NewDisposeScope();
        model.eval();
        Assert.Equal(output, model.forward(torch.randn(input)).shape);
    }

    [Fact]
    public void A_net_of_rectangular_windows_generates_modules_that_hold_what_its_summary_counts_and_give_the_inferred_shapes()
    {
        // tests/fixtures/summary/rectangular.yaml: kernels, strides, dilations and pools written [height, width].
        var path = Path.Combine(Repository.Root, "tests", "fixtures", "summary", "rectangular.yaml");
        var harness = new GeneratorHarness();
        var result = harness.Run([(path, File.ReadAllText(path))]);
        Assert.Empty(result.Diagnostics);
        Assert.Contains("kernel: new long[] { 3, 5 }, stride: new long[] { 2, 1 }", result.GeneratedTrees.Single(t => t.FilePath.EndsWith("Rectangular.g.cs", StringComparison.Ordinal)).ToString());
        AssertModulesHoldTheSummaryAndMap(harness.LoadExperiment("DeepDsl.Generated.RectangularExperiment"), [2, 3, 31, 27], [2, 4]);
    }

    [Fact]
    public void The_generated_exercise_net_has_the_hand_computed_parameter_count_and_maps_images_to_ten_classes()
    {
        var harness = new GeneratorHarness();
        harness.Run(GeneratorHarness.ExperimentFiles());
        var experiment = harness.LoadExperiment("DeepDsl.Generated.Cifar10EluHeNadamExperiment");
        using var model = experiment.CreateModel();
        Assert.Equal(3072 * 100 + 100 + 19 * (100 * 100 + 100) + 100 * 10 + 10, model.parameter_count());
        // The summary the language inferred without running the model counts what the modules hold.
        var rows = ((DeepDsl.Training.ISummarizedModel)model).SummaryRows;
        Assert.Equal(model.parameter_count(), rows.Sum(r => r.Parameters));
        Assert.Equal([3072L], rows[0].OutputShape);
        using var scope = torch.NewDisposeScope();
        var output = model.forward(torch.randn([4, 3, 32, 32]));
        Assert.Equal([4L, 10], output.shape);
        Assert.True((output.sum(1) - 1.0).abs().max().item<float>() < 1e-5, "softmax output rows sum to 1");
    }

    [Fact]
    public void The_experiment_class_exposes_typed_hyperparameters()
    {
        var harness = new GeneratorHarness();
        harness.Run(GeneratorHarness.ExperimentFiles());
        var experiment = harness.LoadExperiment("DeepDsl.Generated.Cifar10OneCycleExperiment");
        var type = experiment.GetType();
        Assert.Equal(128, type.GetField("BatchSize")!.GetValue(null));
        Assert.Equal(15, type.GetField("Epochs")!.GetValue(null));
        var optimizer = (DeepDsl.Optim.Options.SgdOptions)type.GetProperty("Optimizer")!.GetValue(null)!;
        Assert.Equal(0.05, optimizer.LearningRate);
        var schedule = Assert.IsType<DeepDsl.Schedules.OneCycleSchedule>(experiment.CreateSchedule(stepsPerEpoch: 352, epochs: 15));
        Assert.Equal(352 * 15, schedule.TotalSteps);
        // The peak lr-find wrote into one-cycle.yaml.
        var written = System.Text.RegularExpressions.Regex.Match(File.ReadAllText(Path.Combine(Repository.Experiments, "one-cycle.yaml")), @"max_lr: ([0-9.e+-]+)").Groups[1].Value;
        Assert.Equal(double.Parse(written, System.Globalization.CultureInfo.InvariantCulture), schedule.MaxLr);
        Assert.Equal(100, experiment.Evaluation.McDropoutSamples);
        Assert.Null(experiment.Training.EarlyStopping);
    }

    [Fact]
    public void A_spec_with_errors_emits_only_stand_ins_carrying_its_error_and_reports_nothing_from_the_generator()
    {
        var harness = new GeneratorHarness();
        var bad = Path.Combine(Repository.Experiments, "bad-selu.yaml");
        var result = harness.Run([
            (bad, File.ReadAllText(Path.Combine(Repository.Experiments, "selu.yaml")).Replace("lecun_normal", "he_normal")),
            (Path.Combine(Repository.Experiments, "base.yaml"), File.ReadAllText(Path.Combine(Repository.Experiments, "base.yaml"))),
        ]);
        Assert.Empty(result.Diagnostics);
        var standIn = Assert.Single(result.GeneratedTrees, t => t.FilePath.Contains("Cifar10Selu")).ToString();
        Assert.Contains("public sealed class Cifar10SeluModel { }", standIn);
        Assert.Contains("public sealed class Cifar10SeluExperiment { }", standIn);
        Assert.Contains("error DDSL101:", standIn);
        Assert.Contains("error: true", standIn);
        Assert.DoesNotContain("IExperiment", standIn);
        Assert.Contains(result.GeneratedTrees, t => t.FilePath.Contains("Cifar10EluHeNadam"));
        Assert.DoesNotContain("Cifar10Selu", result.GeneratedTrees.Single(t => t.FilePath.Contains("Catalog")).ToString());
    }

    /// <summary>
    /// Issue 19 (5): a typo in a project's only spec made ExperimentCatalog vanish, so Program.cs failed first with CS0103
    /// and the compiler, which runs analyzers only on C# that compiles, never showed the YAML error. The catalog stays
    /// (empty here), the C# compiles, and the analyzer reports the typo at its line.
    /// </summary>
    [Fact]
    public async Task A_project_whose_only_spec_has_a_typo_keeps_its_catalog_and_shows_only_the_yaml_error()
    {
        var harness = new GeneratorHarness();
        var spec = Path.Combine(Repository.Experiments, "typo.yaml");
        var text = File.ReadAllText(Path.Combine(Repository.Experiments, "base.yaml")).Replace("  batch_size:", "  bach_size:");
        Assert.Contains("bach_size:", text);
        var result = harness.Run([(spec, text)]);
        Assert.Empty(result.Diagnostics);

        var program = CSharpSyntaxTree.ParseText("""
            public static class Program
            {
                public static int Main() => DeepDsl.Generated.ExperimentCatalog.All.Count;
            }
            """, path: "Program.cs");
        var compilation = harness.Compiled!.AddSyntaxTrees(program);
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        Assert.Contains("All { get; } =", result.GeneratedTrees.Single(t => t.FilePath.EndsWith("ExperimentCatalog.g.cs", StringComparison.Ordinal)).ToString());

        var analyzerOptions = new AnalyzerOptions([new Cli.Generation.InMemoryAdditionalText(spec, text)],
            new Cli.Generation.InMemoryOptionsProvider(new HashSet<string> { spec }));
        var reported = await compilation.WithAnalyzers([new ExperimentAnalyzer()], analyzerOptions).GetAnalyzerDiagnosticsAsync();
        var typo = Assert.Single(reported);
        Assert.StartsWith("DDSL", typo.Id);
        Assert.Equal(DiagnosticSeverity.Error, typo.Severity);
        Assert.Equal(spec, typo.Location.GetLineSpan().Path);
        Assert.Equal(Array.FindIndex(text.Split('\n'), l => l.Contains("bach_size", StringComparison.Ordinal)), typo.Location.GetLineSpan().StartLinePosition.Line);
    }

    [Fact]
    public void A_project_without_experiments_has_no_catalog_of_its_own()
    {
        // It may reference a project that has one; an empty catalog of its own would hide that one.
        var result = new GeneratorHarness().Run([]);
        Assert.Empty(result.GeneratedTrees);
    }

    [Fact]
    public void Editing_one_spec_leaves_the_other_experiments_output_cached()
    {
        var harness = new GeneratorHarness();
        var files = GeneratorHarness.ExperimentFiles().Where(f => f.Path.EndsWith("base.yaml") || f.Path.EndsWith("batch-norm.yaml")).ToList();
        harness.Run(files);
        var edited = files.Select(f => f.Path.EndsWith("batch-norm.yaml") ? (f.Path, System.Text.RegularExpressions.Regex.Replace(f.Text, @"learning_rate: [0-9.e+-]+", "learning_rate: 3.0e-4")) : f).ToList();
        Assert.NotEqual(files.Single(f => f.Path.EndsWith("batch-norm.yaml")).Text, edited.Single(f => f.Path.EndsWith("batch-norm.yaml")).Item2);
        var result = harness.Run(edited);
        var steps = result.Results[0].TrackedSteps[ExperimentGenerator.ModelStep].SelectMany(s => s.Outputs).ToList();
        var reasons = steps.Select(o => (Name: ((DeepDsl.Generator.Model.ExperimentModel)o.Value).SpecName, o.Reason)).ToList();
        Assert.True(reasons.Contains(("cifar10-elu-he-nadam", IncrementalStepRunReason.Unchanged)) || reasons.Contains(("cifar10-elu-he-nadam", IncrementalStepRunReason.Cached)),
            string.Join(", ", reasons));
        Assert.Contains(reasons, r => r.Name == "cifar10-batch-norm" && r.Reason == IncrementalStepRunReason.Modified);
    }
}
