using DeepDsl.Data;
using DeepDsl.Experiments;
using DeepDsl.Nn;
using DeepDsl.Optim;
using DeepDsl.Torch;
using DeepDsl.Training;

namespace DeepDsl.Runtime.Tests.Training;

/// <summary>
/// Augmented training: batches made ahead on the worker train exactly as batches made in the step, the same seed gives
/// the same augmented batches (a resumed epoch too), and only training batches are augmented.
/// </summary>
public sealed class AugmentedTrainingTests
{
    private static readonly AugmentSettings Augment = new(CropPadding: 1, HorizontalFlip: true, Normalize: Normalization.Computed);

    private static DatasetSplits Data(AugmentSettings? augment) =>
        DatasetLoader.Load(new DataSettings(new SyntheticSource(Classes: 3, Samples: 300, Noise: 1.0, InputShape: [2, 4, 4], Seed: 5), Validation: 60, Augment: augment), Device.CPU);

    /// <summary>Trains a fresh model from <paramref name="epoch"/> to <paramref name="epochs"/>; returns what it saw and its weights.</summary>
    private static (RecordingClassifier Model, float[] Weights, List<EpochMetrics> History) Train(AugmentSettings? augment, int prefetch, int epochs = 2, int epoch = 0)
    {
        torch.manual_seed(42);
        var model = new RecordingClassifier();
        using var optimizer = new Nadam(model.parameters(), 0.05);
        using var data = Data(augment);
        var steps = (int)((data.TrainCount + 31) / 32);
        var state = new TrainingState(model, optimizer, null, epochs, steps) { Epoch = epoch };
        new Trainer(model, optimizer, null, LossKind.SparseCategoricalCrossentropy, 42, []) { PrefetchBatches = prefetch }.Fit(data, state, 32, shuffle: true);
        var weights = model.parameters().SelectMany(p => p.detach().reshape(-1).ToArray<float>()).ToArray();
        return (model, weights, state.History);
    }

    [Fact]
    public void Batches_made_ahead_on_the_worker_train_exactly_as_batches_made_in_the_step()
    {
        var ahead = Train(Augment, prefetch: 2);
        var inPlace = Train(Augment, prefetch: 0);
        Assert.Equal(inPlace.Weights, ahead.Weights);
        Assert.Equal(inPlace.History.Select(m => (m.Loss, m.ValLoss)), ahead.History.Select(m => (m.Loss, m.ValLoss)));
        Assert.Equal(inPlace.Model.TrainingInputs, ahead.Model.TrainingInputs);
    }

    [Fact]
    public void The_same_seed_gives_the_same_augmented_batches_and_augmentation_changes_them()
    {
        var first = Train(Augment, prefetch: 2);
        var second = Train(Augment, prefetch: 2);
        Assert.Equal(first.Model.TrainingInputs, second.Model.TrainingInputs);
        var plain = Train(Augment with { CropPadding = null, HorizontalFlip = false }, prefetch: 2);
        Assert.NotEqual(plain.Model.TrainingInputs, first.Model.TrainingInputs);
    }

    [Fact]
    public void A_resumed_epoch_draws_the_batches_the_uninterrupted_run_drew()
    {
        var whole = Train(Augment, prefetch: 2, epochs: 2);
        var resumed = Train(Augment, prefetch: 2, epochs: 2, epoch: 1);
        var perEpoch = whole.Model.TrainingInputs.Count / 2;
        Assert.Equal(whole.Model.TrainingInputs.Skip(perEpoch), resumed.Model.TrainingInputs);
    }

    [Fact]
    public void Only_training_batches_are_augmented_validation_sees_the_normalized_data_as_it_is()
    {
        var (model, _, _) = Train(Augment, prefetch: 2, epochs: 1);
        using var scope = torch.NewDisposeScope();
        using var data = Data(Augment);
        var validation = data.ValidationX!.reshape(-1).ToArray<float>();
        Assert.Equal(validation, model.EvaluationInputs.SelectMany(x => x).ToArray());
        // Training examples are crops and flips of the training split: some differ from every stored example.
        var stored = Enumerable.Range(0, (int)data.TrainCount).Select(i => data.TrainX.select(0, i).reshape(-1).ToArray<float>()).ToList();
        var seen = model.TrainingInputs.SelectMany(b => b.Chunk(32)).ToList();
        Assert.Contains(seen, example => !stored.Any(s => s.SequenceEqual(example)));
        Assert.Contains(seen, example => stored.Any(s => s.SequenceEqual(example)));
    }

    /// <summary>A linear classifier over the flattened input that keeps a copy of every batch it is given, in training and in evaluation.</summary>
    private sealed class RecordingClassifier : Module, IClassifierModel
    {
        private readonly Linear layer;

        public RecordingClassifier() => layer = RegisterModule("output", new Linear(32, 3));

        public List<float[]> TrainingInputs { get; } = [];

        public List<float[]> EvaluationInputs { get; } = [];

        public OutputActivation Output => OutputActivation.Softmax;

        public Tensor forward_logits(Tensor input)
        {
            (training ? TrainingInputs : EvaluationInputs).Add(input.reshape(-1).ToArray<float>());
            return layer.forward(input.flatten(1));
        }

        public override Tensor forward(Tensor input) => torch.nn.functional.softmax(forward_logits(input), -1);
    }
}
