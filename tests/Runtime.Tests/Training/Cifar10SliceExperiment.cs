using DeepDsl.Experiments;
using DeepDsl.Nn;
using DeepDsl.Nn.Init;
using DeepDsl.Optim;
using DeepDsl.Schedules;
using DeepDsl.Torch;

namespace DeepDsl.Runtime.Tests.Training;

/// <summary>The exercise net (20×100 ELU, He init, Nadam) on 2,000 training and 500 validation CIFAR-10 images, two epochs.</summary>
internal sealed class Cifar10SliceExperiment(string dataRoot) : IExperiment
{
    public string Name => "cifar10-slice";
    public string Description => "exercise net on a CIFAR-10 slice";
    public string SpecHash => "c1f4r10511ce";
    public string ResolvedSpec => "name: cifar10-slice\n";
    public string SourcePath => "cifar10-slice.yaml";
    public ulong Seed => 42;
    public IReadOnlyList<long> InputShape => [3, 32, 32];
    public DataSettings Data => new(new Cifar10Source(dataRoot), Validation: 500, TrainSamples: 2000, TestSamples: 500);
    public TrainingSettings Training => new(LossKind.SparseCategoricalCrossentropy, BatchSize: 32, Epochs: 2);
    public EvaluationSettings Evaluation => new();
    public PruningSettings? Pruning => null;
    public DeepDsl.LearningRateSearch.LrFinderSettings LrFinder { get; init; } = new();
    public Module CreateModel() => new ExerciseNet();
    public Optimizer CreateOptimizer(IEnumerable<Tensor> parameters) => new Nadam(parameters, 5e-4);
    public ILearningRateSchedule? CreateSchedule(int stepsPerEpoch, int epochs) => null;

    private sealed class ExerciseNet : Module, IClassifierModel
    {
        private readonly List<Linear> hidden = [];
        private readonly Linear output;

        public ExerciseNet()
        {
            long inputs = 3072;
            for (var i = 1; i <= 20; i++)
            {
                hidden.Add(RegisterModule($"dense_{i}", new Linear(inputs, 100, kernelInitializer: Initializers.HeNormal)));
                inputs = 100;
            }
            output = RegisterModule("output", new Linear(100, 10));
        }

        public OutputActivation Output => OutputActivation.Softmax;

        public Tensor forward_logits(Tensor input)
        {
            var x = input.flatten(1);
            foreach (var layer in hidden) x = torch.nn.functional.elu(layer.forward(x));
            return output.forward(x);
        }

        public override Tensor forward(Tensor input) => torch.nn.functional.softmax(forward_logits(input), -1);
    }
}
