using DeepDsl.Experiments;
using DeepDsl.Nn;
using DeepDsl.Nn.Init;
using DeepDsl.Optim;
using DeepDsl.Optim.Options;
using DeepDsl.Schedules;
using DeepDsl.Torch;

namespace DeepDsl.Cli.Demo;

/// <summary>
/// The chapter's exercise network (20 dense layers of 100 ELU units, He init, Nadam) on a CIFAR-10
/// slice: a real experiment that runs in under a minute on two cores, for `deepdsl demo`.
/// </summary>
internal sealed class ExerciseNetworkDemo(int trainSamples, int epochs) : IExperiment
{
    public string Name => "demo-exercise-net";
    public string Description => "20×100 ELU, He init, Nadam, early stopping, on a CIFAR-10 slice";
    public string SpecHash => "000000demo01";
    public string SourcePath => "(built-in demo)";
    public ulong Seed => 42;

    public string ResolvedSpec => $"""
        name: demo-exercise-net
        seed: 42
        data: {"{"} dataset: cifar10, validation: 1000, train_samples: {trainSamples}, test_samples: 2000 {"}"}
        model:
          input: [32, 32, 3]
          layers:
            - flatten
            - repeat: 20
              layers: [{"{"} dense: {"{"} units: 100, activation: elu, kernel_init: he_normal {"}"} {"}"}]
            - dense: {"{"} units: 10, activation: softmax, name: output {"}"}
        training:
          loss: sparse_categorical_crossentropy
          optimizer: {"{"} nadam: {"{"} learning_rate: 5.0e-4 {"}"} {"}"}
          batch_size: 32
          epochs: {epochs}
          early_stopping: {"{"} monitor: val_loss, patience: 5, restore_best: true {"}"}

        """;

    public DataSettings Data => new(new Cifar10Source(), Validation: 1000, TrainSamples: trainSamples, TestSamples: 2000);

    public TrainingSettings Training => new(LossKind.SparseCategoricalCrossentropy, BatchSize: 32, Epochs: epochs,
        EarlyStopping: new EarlyStoppingSettings("val_loss", Patience: 5, RestoreBest: true), Checkpoint: new CheckpointSettings());

    public EvaluationSettings Evaluation => new();
    public PruningSettings? Pruning => null;
    public DeepDsl.LearningRateSearch.LrFinderSettings LrFinder { get; init; } = new();

    public Module CreateModel() => new Network();

    public Optimizer CreateOptimizer(IEnumerable<Tensor> parameters) => new NadamOptions(LearningRate: 5e-4).Create(parameters);

    public ILearningRateSchedule? CreateSchedule(int stepsPerEpoch, int epochs) => null;

    private sealed class Network : Module, IClassifierModel
    {
        private readonly Flatten flatten;
        private readonly Linear[] hidden;
        private readonly Linear output;

        public Network()
        {
            flatten = RegisterModule("flatten", new Flatten());
            hidden = Enumerable.Range(1, 20)
                .Select(i => RegisterModule($"dense_{i}", new Linear(i == 1 ? 3072 : 100, 100, kernelInitializer: Initializers.HeNormal)))
                .ToArray();
            output = RegisterModule("output", new Linear(100, 10));
        }

        public OutputActivation Output => OutputActivation.Softmax;

        public Tensor forward_logits(Tensor input)
        {
            var x = flatten.forward(input);
            foreach (var layer in hidden) x = torch.nn.functional.elu(layer.forward(x));
            return output.forward(x);
        }

        public override Tensor forward(Tensor input) => torch.nn.functional.softmax(forward_logits(input), -1);
    }
}
