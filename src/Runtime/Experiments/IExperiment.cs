using DeepDsl.Nn;
using DeepDsl.Optim;
using DeepDsl.Schedules;
using DeepDsl.Torch;

namespace DeepDsl.Experiments;

/// <summary>
/// An experiment as the source generator emits it from a spec: the resolved settings as typed
/// values, and factories for the model, optimizer and schedule. The runtime drives training through
/// this contract only, so what runs is always the generated code.
/// </summary>
public interface IExperiment
{
    /// <summary>The spec's name, e.g. cifar10-selu.</summary>
    string Name { get; }

    string Description { get; }

    /// <summary>Content hash of the resolved spec (12 hex digits): the experiment's identity.</summary>
    string SpecHash { get; }

    /// <summary>The resolved spec in canonical YAML, recorded with every run.</summary>
    string ResolvedSpec { get; }

    /// <summary>The spec file the experiment was generated from.</summary>
    string SourcePath { get; }

    ulong Seed { get; }

    /// <summary>The shape of one example (the spec's model.input), e.g. [3, 32, 32] (images are channels first).</summary>
    IReadOnlyList<long> InputShape { get; }

    DataSettings Data { get; }

    TrainingSettings Training { get; }

    EvaluationSettings Evaluation { get; }

    PruningSettings? Pruning { get; }

    /// <summary>How `deepdsl lr-find` sweeps the learning rate.</summary>
    LearningRateSearch.LrFinderSettings LrFinder { get; }

    /// <summary>A new model with freshly initialized weights (drawn from libtorch's generator; seed it first).</summary>
    Module CreateModel();

    Optimizer CreateOptimizer(IEnumerable<Tensor> parameters);

    /// <summary>The learning-rate schedule, or null for a constant rate.</summary>
    ILearningRateSchedule? CreateSchedule(int stepsPerEpoch, int epochs);
}
