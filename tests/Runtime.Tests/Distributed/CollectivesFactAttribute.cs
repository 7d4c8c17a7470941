using DeepDsl.Engines;

namespace DeepDsl.Runtime.Tests.Distributed;

/// <summary>
/// A test of c10d's collectives: skipped, with the engine's own reason shown, on an engine that has none (TorchSharp).
/// </summary>
public sealed class CollectivesFactAttribute : FactAttribute
{
    public CollectivesFactAttribute()
    {
        if (Engine.CollectivesMissing() is { } missing) Skip = "this engine has no collectives: " + missing;
    }
}
