using DeepDsl.Experiments;
using DeepDsl.Nn;
using DeepDsl.Nn.Activations;
using DeepDsl.Nn.Init;
using DeepDsl.Optim;
using DeepDsl.Schedules;
using DeepDsl.Torch;

namespace DeepDsl.Runtime.Tests.Training;

/// <summary>A small experiment written by hand the way the generator emits one: a softmax classifier on synthetic clusters.</summary>
internal sealed class SyntheticExperiment : IExperiment
{
    public string Name { get; init; } = "synthetic-test";
    public string Description => "hand-written test experiment";
    public string SpecHash { get; init; } = "0123456789ab";
    public string ResolvedSpec { get; init; } = "name: synthetic-test\n";
    public string SourcePath => "synthetic.yaml";
    public ulong Seed { get; init; } = 42;
    public IReadOnlyList<long> InputShape => ((SyntheticSource)Data.Source).InputShape;
    public double LearningRate { get; init; } = 0.05;
    public double Dropout { get; init; }
    public Func<int, int, ILearningRateSchedule?> Schedule { get; init; } = (_, _) => null;

    public DataSettings Data { get; init; } = new(new SyntheticSource(Classes: 3, Samples: 600, Noise: 1.0, InputShape: [8], Seed: 5) { TestSamples = 200 }, Validation: 100);

    public TrainingSettings Training { get; init; } = new(LossKind.SparseCategoricalCrossentropy, BatchSize: 32, Epochs: 4,
        EarlyStopping: null, Checkpoint: new CheckpointSettings());

    public EvaluationSettings Evaluation => new();
    public PruningSettings? Pruning => null;
    public DeepDsl.LearningRateSearch.LrFinderSettings LrFinder { get; init; } = new();

    public Module CreateModel() => new SmallClassifier(8, 3, Dropout);

    public Optimizer CreateOptimizer(IEnumerable<Tensor> parameters) => new Nadam(parameters, LearningRate);

    public ILearningRateSchedule? CreateSchedule(int stepsPerEpoch, int epochs) => Schedule(stepsPerEpoch, epochs);
}

/// <summary>flatten → dense 16 elu (he_normal) → [alpha dropout] → dense softmax, as generated code would read.</summary>
internal sealed class SmallClassifier : Module, IClassifierModel
{
    public SmallClassifier(long inputs, long classes, double dropout)
    {
        Hidden = RegisterModule("dense_1", new Linear(inputs, 16, kernelInitializer: Initializers.HeNormal));
        Drop = RegisterModule("alpha_dropout_1", new AlphaDropout(dropout));
        OutputLayer = RegisterModule("output", new Linear(16, classes));
    }

    public Linear Hidden { get; }
    public AlphaDropout Drop { get; }
    public Linear OutputLayer { get; }
    public OutputActivation Output => OutputActivation.Softmax;

    public Tensor forward_logits(Tensor input) => OutputLayer.forward(Drop.forward(torch.nn.functional.elu(Hidden.forward(input.flatten(1)))));

    public override Tensor forward(Tensor input) => torch.nn.functional.softmax(forward_logits(input), -1);
}
