using System.Text.Json;
using DeepDsl.Nn;
using DeepDsl.Optim;
using DeepDsl.Runs;
using DeepDsl.Torch;
using DeepDsl.Torch.Serialization;

namespace DeepDsl.Training;

/// <summary>
/// Saves and loads checkpoints in the safetensors format: the model's parameters and buffers by
/// name, the optimizer's state under "optimizer.", and the trainer's state as JSON metadata.
/// </summary>
public static class Checkpoints
{
    private const string OptimizerPrefix = "optimizer.";
    private const string StateKey = "deepdsl.trainer_state";

    public static void Save(string path, Module model, Optimizer? optimizer, TrainerCheckpointState? state)
    {
        using var scope = torch.NewDisposeScope();
        var tensors = new Dictionary<string, Tensor>(model.state_dict(), StringComparer.Ordinal);
        if (optimizer is not null)
            foreach (var (name, tensor) in optimizer.state_dict()) tensors[OptimizerPrefix + name] = tensor;
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        if (state is not null) metadata[StateKey] = JsonSerializer.Serialize(state, RunJson.Options);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        SafeTensors.Save(path, tensors, metadata);
    }

    /// <summary>Loads the model's weights (and the optimizer's state, when given); returns the trainer state if the file has one.</summary>
    public static TrainerCheckpointState? Load(string path, Module model, Optimizer? optimizer)
    {
        using var scope = torch.NewDisposeScope();
        var (tensors, metadata) = SafeTensors.Load(path);
        model.load_state_dict(tensors.Where(kv => !kv.Key.StartsWith(OptimizerPrefix, StringComparison.Ordinal))
            .ToDictionary(kv => kv.Key, kv => kv.Value));
        if (optimizer is not null)
            optimizer.load_state_dict(tensors.Where(kv => kv.Key.StartsWith(OptimizerPrefix, StringComparison.Ordinal))
                .ToDictionary(kv => kv.Key[OptimizerPrefix.Length..], kv => kv.Value));
        return metadata.TryGetValue(StateKey, out var json) ? JsonSerializer.Deserialize<TrainerCheckpointState>(json, RunJson.Options) : null;
    }

    /// <summary>The model weights of a checkpoint, by name (for restoring the best weights of a resumed run).</summary>
    public static Dictionary<string, Tensor> LoadWeights(string path)
    {
        var (tensors, _) = SafeTensors.Load(path);
        return tensors.Where(kv => !kv.Key.StartsWith(OptimizerPrefix, StringComparison.Ordinal)).ToDictionary(kv => kv.Key, kv => kv.Value);
    }
}
