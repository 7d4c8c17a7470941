using System.Reflection;
using DeepDsl.Dsl;
using DeepDsl.Dsl.Model;
using DeepDsl.Dsl.Registry;
using DeepDsl.Dsl.Resolution;
using DeepDsl.Experiments;
using DeepDsl.Generator.Parsing;
using DeepDsl.Torch;
using Microsoft.CodeAnalysis;
using DeclaredSchedules = DeepDsl.Dsl.Registry.Schedules;

namespace DeepDsl.Generator.Tests;

/// <summary>
/// Every kind the registries declare becomes the runtime type it names, with the runtime defaulting to what the language
/// declares; a kind the generator is handed but cannot build is an internal error that names it, never another kind.
/// </summary>
public sealed class DeclaredKindsTests
{
    private static readonly Assembly Runtime = typeof(IExperiment).Assembly;

    // The settings a schedule cannot do without, per declared schedule: a new schedule fails here until it is added.
    private static readonly Dictionary<string, string> ScheduleSettings = new()
    {
        ["constant"] = "constant",
        ["exponential"] = "{ exponential: { decay_steps: 2 } }",
        ["piecewise"] = "{ piecewise: { boundaries: [1], values: [0.1, 0.01] } }",
        ["power"] = "{ power: { decay_steps: 2 } }",
        ["cosine"] = "cosine",
        ["reduce_on_plateau"] = "{ reduce_on_plateau: { monitor: loss } }", // these specs have no validation split
        ["one_cycle"] = "{ one_cycle: { max_lr: 0.1 } }",
    };

    [Fact]
    public void Every_declared_activation_and_initializer_generates_a_model_that_runs_forward()
    {
        var specs = new List<(string Path, string Text)>();
        foreach (var a in Activations.Registry.All.Where(a => a.AliasOf is null && a.Family != ActivationFamily.Distribution))
        {
            var init = a.Family switch { ActivationFamily.SelfNormalizing => "lecun_normal", ActivationFamily.Relu => "he_normal", _ => "glorot_uniform" };
            specs.Add(Spec($"dense-{a.Name}", $"- dense: {{ units: 8, activation: {a.Name}, kernel_init: {init} }}"));
            specs.Add(Spec($"layer-{a.Name}", $"- dense: {{ units: 8, kernel_init: {init} }}\n    - activation: {a.Name}"));
        }
        foreach (var i in Initializers.Registry.All)
        {
            var written = i.AllowBare ? i.Name : $"{{ {i.Name}: 0.5 }}";
            // A kernel whose weights are all equal is a validation error (DDSL201): those initializers go on the bias.
            specs.Add(Spec($"init-{i.Name}", i.SameValue
                ? $"- dense: {{ units: 8, activation: relu, kernel_init: he_normal, bias_init: {written} }}"
                : $"- dense: {{ units: 8, activation: tanh, kernel_init: {written} }}"));
        }

        var experiments = Generate(specs);
        Assert.Equal(specs.Count, experiments.Count);
        foreach (var (name, experiment) in experiments)
        {
            using var scope = torch.NewDisposeScope();
            using var model = experiment.CreateModel();
            var output = model.forward(torch.randn([3, 4]));
            Assert.True(output.shape.SequenceEqual([3L, 2]), name);
        }
    }

    [Fact]
    public void Every_declared_optimizer_and_schedule_becomes_its_declared_runtime_type()
    {
        Assert.Equal(DeclaredSchedules.Registry.Names.Order(), ScheduleSettings.Keys.Order());
        var specs = Optimizers.Registry.All.Select(o => Spec($"optimizer-{o.Name}", "", $"{{ {o.Name}: {{ clipnorm: 1.0 }} }}"))
            .Concat(DeclaredSchedules.Registry.All.Select(s => Spec($"schedule-{s.Name}", "", "sgd", $"  schedule: {ScheduleSettings[s.Name]}")))
            .ToList();

        var experiments = Generate(specs);
        Assert.Equal(specs.Count, experiments.Count);
        foreach (var o in Optimizers.Registry.All)
        {
            var experiment = experiments[$"optimizer-{o.Name}"];
            var options = experiment.GetType().GetProperty("Optimizer")!.GetValue(null)!;
            Assert.Equal(o.RuntimeType, options.GetType().FullName);
            Assert.Equal(o.Find("learning_rate")!.Default, options.GetType().GetProperty("LearningRate")!.GetValue(options));
            using var model = experiment.CreateModel();
            Assert.NotNull(experiment.CreateOptimizer(model.parameters()));
        }
        foreach (var s in DeclaredSchedules.Registry.All)
            Assert.Equal(s.RuntimeType, experiments[$"schedule-{s.Name}"].CreateSchedule(stepsPerEpoch: 10, epochs: 2)!.GetType().FullName);
    }

    [Fact]
    public void Every_declared_default_is_the_runtime_default()
    {
        foreach (var o in Optimizers.Registry.All)
        {
            // The options record constructed with no arguments: each declared argument reads back as its declared default.
            var type = RuntimeType(o.RuntimeType);
            var constructor = type.GetConstructors().Single(c => c.GetParameters().Length > 0 && c.GetParameters().All(p => p.HasDefaultValue));
            var options = constructor.Invoke(constructor.GetParameters().Select(p => p.DefaultValue).ToArray());
            foreach (var argument in o.Arguments.Where(a => a.RuntimeName is not null))
                Assert.True(Equals(argument.Default, type.GetProperty(argument.RuntimeName!)!.GetValue(options)),
                    $"{o.Name}.{argument.Key}: declared {argument.Default}, {type.Name} defaults to {type.GetProperty(argument.RuntimeName!)!.GetValue(options)}");
            // Arguments the record does not take must not exist on it: nothing declared is dropped on the way.
            Assert.All(constructor.GetParameters().Where(p => p.Name != "Clipping"),
                p => Assert.Contains(o.Arguments, a => a.RuntimeName == p.Name));
        }
        foreach (var a in Activations.Registry.All.Where(a => a.AliasOf is null))
            AssertConstructorDefaults(a.Name, RuntimeType(a.RuntimeType), a.Arguments);
        foreach (var i in Initializers.Registry.All)
        {
            if (i.Constructed) AssertConstructorDefaults(i.Name, RuntimeType(i.Runtime), i.Arguments);
            else Assert.NotNull(RuntimeType("DeepDsl.Nn.Init.Initializers").GetField(i.Runtime.Split('.').Last()));
        }
    }

    [Fact]
    public void Losses_and_output_activations_name_members_of_the_runtime_enums()
    {
        Assert.All(Losses.Registry.All, l => Assert.True(Enum.IsDefined(typeof(LossKind), l.RuntimeName), l.Name));
        Assert.All(Activations.Registry.All, a => Assert.True(Enum.IsDefined(typeof(OutputActivation), a.OutputActivation), a.Name));
    }

    [Fact]
    public void Every_declared_dataset_names_a_source_that_takes_its_arguments_in_declared_order_then_its_context()
    {
        foreach (var dataset in Datasets.Registry.All)
        {
            var type = RuntimeType(dataset.RuntimeType);
            Assert.True(type.IsSubclassOf(typeof(DatasetSource)), dataset.Name);
            var parameters = type.GetConstructors().Single(c => c.GetParameters().Length > 0 && c.GetParameters()[0].ParameterType != type).GetParameters();
            Assert.Equal([.. dataset.Arguments.Select(a => a.RuntimeName), .. dataset.Context.Select(c => c.ToString())], parameters.Select(p => p.Name));
            foreach (var (argument, parameter) in dataset.Arguments.Zip(parameters).Where(p => p.Second.HasDefaultValue))
                Assert.Equal(System.Convert.ToDouble(argument.Default), System.Convert.ToDouble(parameter.DefaultValue));
        }
    }

    public static TheoryData<string> Changes => ["loss", "dataset", "schedule", "optimizer", "activation", "initializer", "layer"];

    [Theory]
    [MemberData(nameof(Changes))]
    public void The_generator_refuses_a_kind_it_cannot_build_instead_of_building_another(string change)
    {
        var spec = Compile(TinySpec.Named("refused").Replace("  epochs: 1", "  schedule: cosine\n  epochs: 1"));
        var dense = (DenseLayer)spec.Model.Layers[0];
        ExperimentSpec Layers(LayerSpec layer) => spec with { Model = spec.Model with { Layers = new EquatableArray<LayerSpec>([layer]) } };
        var (changed, concept, name, asker) = change switch
        {
            "loss" => (spec with { Training = spec.Training with { Loss = "hinge" } }, "loss", "hinge", "ExperimentModelBuilder.Training"),
            "dataset" => (spec with { Data = spec.Data with { Dataset = "tfrecord" } }, "dataset", "tfrecord", "ExperimentModelBuilder.Data"),
            "schedule" => (spec with { Training = spec.Training with { Schedule = spec.Training.Schedule! with { Kind = "warmup" } } }, "schedule", "warmup", "ExperimentModelBuilder.Schedule"),
            "optimizer" => (spec with { Training = spec.Training with { Optimizer = spec.Training.Optimizer with { Kind = "lion" } } }, "optimizer", "lion", "OptimizerSpec"),
            "activation" => (Layers(dense with { Activation = new ActivationSpec("hard_sigmoid") }), "activation", "hard_sigmoid", "ActivationSpec"),
            "initializer" => (Layers(dense with { KernelInit = dense.KernelInit with { Kind = "variance_scaling" } }), "initializer", "variance_scaling", "InitializerSpec"),
            _ => (Layers(new LocallyConnectedLayer(dense.Name, dense.Path)), "layer", "locally_connected", "ExperimentModelBuilder.Layers"),
        };
        var error = Assert.Throws<UnknownKindException>(() => ExperimentModelBuilder.Build(changed, "/specs/spec.yaml"));
        Assert.Equal((concept, name, asker), (error.Concept, error.Name, error.Asker));
    }

    /// <summary>A layer kind the language does not declare.</summary>
    private sealed record LocallyConnectedLayer(string Name, string Path) : LayerSpec(Name, Path)
    {
        public override string Kind => "locally_connected";

        public override DeepDsl.Dsl.Shapes.ShapeResult Output(DeepDsl.Dsl.Shapes.TensorShape input) => DeepDsl.Dsl.Shapes.ShapeResult.Of(input);
    }

    private static void AssertConstructorDefaults(string kind, Type type, IReadOnlyList<Argument> arguments)
    {
        var parameters = type.GetConstructors().SelectMany(c => c.GetParameters()).ToList();
        foreach (var argument in arguments.Where(a => a.Default is not null))
        {
            var parameter = parameters.First(p => p.Name == argument.RuntimeName);
            Assert.True(parameter.HasDefaultValue && Equals(argument.Default, parameter.DefaultValue),
                $"{kind}.{argument.Key}: declared {argument.Default}, {type.Name}({parameter.Name}) defaults to {(parameter.HasDefaultValue ? parameter.DefaultValue : "nothing")}");
        }
    }

    private static Type RuntimeType(string name) => Runtime.GetType(name, throwOnError: true)!;

    private static ExperimentSpec Compile(string text) =>
        SpecCompiler.Compile("/specs/spec.yaml", new InMemoryFileSystem(new Dictionary<string, string> { ["/specs/spec.yaml"] = text })).Spec!;

    private static IReadOnlyDictionary<string, IExperiment> Generate(List<(string Path, string Text)> specs)
    {
        var harness = new GeneratorHarness();
        harness.Run(specs);
        var errors = harness.Compiled!.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        return harness.LoadExperiments();
    }

    /// <summary>A spec on synthetic data: <paramref name="hidden"/> layers, then a softmax output.</summary>
    private static (string Path, string Text) Spec(string name, string hidden, string optimizer = "sgd", string training = "") =>
        ($"/specs/{name}.yaml", $"""
            name: {name}
            data: {"{"} dataset: synthetic, samples: 40, classes: 2, standardize: true {"}"}
            model:
              input: [4]
              layers:
                {hidden}
                - dense: {"{"} units: 2, activation: softmax {"}"}
            training:
              loss: sparse_categorical_crossentropy
              optimizer: {optimizer}
              epochs: 2
            {training}
            """);
}
