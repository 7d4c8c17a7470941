using System.Text.Json.Nodes;
using DeepDsl.Training;

namespace DeepDsl.Runs;

/// <summary>
/// Reads the trainer state of checkpoints written before callbacks kept their own state: those held the checkpoint
/// monitor's and early stopping's fields at the top level (<c>checkpoint_best</c>, <c>early_stopping_wait</c>, …). They are
/// moved under <c>callbacks</c>, under the keys their callbacks use now, so such a run resumes as before.
/// </summary>
internal static class TrainerStateLayout
{
    private static readonly (string Old, string Callback, string Key)[] Moved =
    [
        ("checkpoint_best", RunRecorder.Key, "best"),
        ("checkpoint_best_epoch", RunRecorder.Key, "best_epoch"),
        ("early_stopping_best", EarlyStopping.Key, "best"),
        ("early_stopping_best_epoch", EarlyStopping.Key, "best_epoch"),
        ("early_stopping_wait", EarlyStopping.Key, "wait"),
    ];

    /// <summary>The state in the current layout: unchanged when it has <c>callbacks</c>, converted when it has the old fields.</summary>
    public static JsonNode? Current(JsonNode? state)
    {
        if (state is not JsonObject fields || fields.ContainsKey("callbacks") || !Moved.Any(m => fields.ContainsKey(m.Old))) return state;
        var callbacks = new JsonObject();
        foreach (var (old, callback, key) in Moved)
        {
            if (!fields.Remove(old, out var value)) continue;
            if (callbacks[callback] is not JsonObject owner) callbacks[callback] = owner = new JsonObject();
            owner[key] = value;
        }
        fields["callbacks"] = callbacks;
        return fields;
    }
}
