using System.Text.Json;
using System.Text.Json.Nodes;
using DeepDsl.Nn;
using DeepDsl.Optim;
using DeepDsl.Schedules;
using DeepDsl.Torch;
using DeepDsl.Torch.Serialization;
using DeepDsl.Training;

namespace DeepDsl.Runs;

/// <summary>
/// Saves and loads checkpoints in the safetensors format: the model's parameters and buffers by
/// name, the optimizer's state under "optimizer.", and the trainer's state as JSON metadata.
/// </summary>
public static class Checkpoints
{
    private const string OptimizerPrefix = "optimizer.";
    private const string StateKey = "deepdsl.trainer_state";

    public static void Save(string path, Module model, Optimizer? optimizer, TrainerCheckpointState? state, IO.OwnedFolder? inside = null)
    {
        using var scope = torch.NewDisposeScope();
        var tensors = new Dictionary<string, Tensor>(model.state_dict(), StringComparer.Ordinal);
        if (optimizer is not null)
            foreach (var (name, tensor) in optimizer.state_dict()) tensors[OptimizerPrefix + name] = tensor;
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        if (state is not null) metadata[StateKey] = JsonSerializer.Serialize(state, RunJson.Options);
        SafeTensors.Save(path, tensors, metadata, recordChecksum: true, inside);
    }

    /// <summary>Loads the model's weights (and the optimizer's state, when given); returns the trainer state if the file has one.</summary>
    /// <exception cref="InvalidDataException">The file is damaged, altered, or not a checkpoint of this model; the message names it and says why.</exception>
    public static TrainerCheckpointState? Load(string path, Module model, Optimizer? optimizer)
    {
        using var scope = torch.NewDisposeScope();
        var (tensors, metadata) = Read(path);
        try
        {
            model.load_state_dict(tensors.Where(kv => !kv.Key.StartsWith(OptimizerPrefix, StringComparison.Ordinal))
                .ToDictionary(kv => kv.Key, kv => kv.Value));
            if (optimizer is not null)
                optimizer.load_state_dict(tensors.Where(kv => kv.Key.StartsWith(OptimizerPrefix, StringComparison.Ordinal))
                    .ToDictionary(kv => kv.Key[OptimizerPrefix.Length..], kv => kv.Value));
        }
        catch (Exception error) when (error is ArgumentException or InvalidDataException or TorchException)
        {
            throw new InvalidDataException($"{path} is not a checkpoint of this experiment: {error.Message}.", error);
        }
        return metadata.TryGetValue(StateKey, out var json) ? TrainerState(path, json) : null;
    }

    /// <summary>
    /// Loads a run's last checkpoint to resume it: the model's weights, the optimizer's state, and the trainer state, whose
    /// values are checked against what the schedule declares and by each stateful callback before anything takes them.
    /// </summary>
    /// <exception cref="InvalidDataException">The file is damaged or crafted; the message names it and says why.</exception>
    public static TrainerCheckpointState? LoadToResume(string path, Module model, Optimizer optimizer, ILearningRateSchedule? schedule,
        IEnumerable<IStatefulCallback> callbacks)
    {
        var state = Load(path, model, optimizer);
        if (state?.Problem(schedule, callbacks) is { } problem) throw Invalid(path, problem);
        return state;
    }

    /// <summary>The model weights of a checkpoint, by name (for restoring the best weights of a resumed run).</summary>
    public static Dictionary<string, Tensor> LoadWeights(string path)
    {
        var (tensors, _) = Read(path);
        return tensors.Where(kv => !kv.Key.StartsWith(OptimizerPrefix, StringComparison.Ordinal)).ToDictionary(kv => kv.Key, kv => kv.Value);
    }

    // Every checkpoint DeepDsl writes records the checksum of its data; one without is not ours (or was stripped of it).
    private static (Dictionary<string, Tensor> Tensors, Dictionary<string, string> Metadata) Read(string path)
    {
        var (tensors, metadata) = SafeTensors.Load(path);
        if (!metadata.ContainsKey(SafeTensors.DataChecksumKey))
        {
            foreach (var tensor in tensors.Values) tensor.Dispose();
            throw new InvalidDataException($"{path} is not a DeepDsl checkpoint: it records no checksum of its data.");
        }
        return (tensors, metadata);
    }

    private static TrainerCheckpointState TrainerState(string path, string json)
    {
        TrainerCheckpointState? state;
        try
        {
            state = TrainerStateLayout.Current(JsonNode.Parse(json))?.Deserialize<TrainerCheckpointState>(RunJson.Options);
        }
        catch (Exception error) when (error is JsonException or ArgumentException) // ArgumentException: a key twice in one object
        {
            throw new InvalidDataException($"{path} holds a trainer state that cannot be read: {error.Message}", error);
        }
        if (state is null) throw Invalid(path, "it is null");
        if (state.Problem() is { } problem) throw Invalid(path, problem);
        return state;
    }

    private static InvalidDataException Invalid(string path, string problem) => new($"{path} holds an invalid trainer state: {problem}.");
}
