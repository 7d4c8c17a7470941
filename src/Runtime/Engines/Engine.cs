using DeepDsl.Torch;

namespace DeepDsl.Engines;

/// <summary>
/// The one place that knows which engine runs this process's tensors. It is chosen once, at the first tensor: the
/// engine named by <see cref="Choose"/> (<c>deepdsl run --engine</c>), else by <c>DEEPDSL_ENGINE</c>, else by the app's
/// <c>DeepDsl.Engine</c> setting (the DeepDsl package writes "torchsharp" there when the project references a TorchSharp
/// libtorch package), else the first that loads: native, then TorchSharp. Two libtorch builds never share a process:
/// an engine that fails to load leaves nothing behind that the next one trips over.
/// </summary>
public static class Engine
{
    public const string Variable = "DEEPDSL_ENGINE";
    public const string AppSetting = "DeepDsl.Engine";

    /// <summary>Every engine, in the order an unnamed choice tries them.</summary>
    internal static readonly IReadOnlyList<EngineModule> Modules =
    [
        new(Native.NativeEngine.EngineName, Native.NativeEngine.Load),
        new(TorchSharp.TorchSharpEngine.EngineName, TorchSharp.TorchSharpEngine.Load, TorchSharp.TorchSharpEngine.CollectivesMissing),
    ];

    private static readonly Lock Gate = new();
    private static string? chosen;
    private static IEngine? current;

    /// <summary>The loaded engine; loads it on first use (a <see cref="LibTorchMissingException"/> says why none could).</summary>
    internal static IEngine Current => current ?? Load();

    /// <summary>True once an engine is loaded.</summary>
    public static bool IsLoaded => current is not null;

    /// <summary>
    /// Names the engine before the first tensor, for this process and the processes it starts (sweep trials, data-parallel
    /// ranks: through <see cref="Variable"/>); an unknown name or a different engine already loaded is an error.
    /// </summary>
    public static void Choose(string name)
    {
        var module = Find(name);
        Environment.SetEnvironmentVariable(Variable, module.Name);
        lock (Gate)
        {
            if (current is not null && current.Name != module.Name)
                throw new InvalidOperationException($"the {current.Name} engine is already loaded in this process; the engine is chosen before the first tensor");
            chosen = module.Name;
        }
    }

    /// <summary>The engines' names, in the order an unnamed choice tries them.</summary>
    public static IReadOnlyList<string> Names => Modules.Select(m => m.Name).ToList();

    /// <summary>The engine of that name (case-insensitive), or an ArgumentException naming the known ones.</summary>
    internal static EngineModule Find(string name) =>
        Modules.FirstOrDefault(m => string.Equals(m.Name, name.Trim(), StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"unknown engine '{name}': expected {string.Join(" or ", Modules.Select(m => m.Name))}");

    private static IEngine Load()
    {
        lock (Gate)
        {
            if (current is not null) return current;
            current = Named() is { } named ? Find(named).Load() : FirstThatLoads();
            return current;
        }
    }

    /// <summary>
    /// Why the engine of this process (the one named, without loading it, else the one that loads) cannot train
    /// data-parallel, or null when it can: checked before ranks start, so the reason is one line, not one per rank.
    /// </summary>
    public static string? CollectivesMissing() => (Named() is { } named ? Find(named) : Find(Current.Name)).CollectivesMissing;

    /// <summary>The engine named for this process: by <see cref="Choose"/>, else <see cref="Variable"/>, else the app's setting.</summary>
    private static string? Named() => chosen ?? NonEmpty(Environment.GetEnvironmentVariable(Variable)) ?? NonEmpty(AppContext.GetData(AppSetting) as string);

    private static IEngine FirstThatLoads()
    {
        var reasons = new List<string>();
        foreach (var module in Modules)
        {
            try { return module.Load(); }
            catch (LibTorchMissingException missing) { reasons.Add($"{module.Name}: {missing.Message}"); }
        }
        throw new LibTorchMissingException("no engine could load here:\n" + string.Join("\n", reasons));
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>
/// An engine by name, and how to load it: <see cref="Load"/> returns it ready, or throws a <see cref="LibTorchMissingException"/>
/// whose message says why not. <see cref="CollectivesMissing"/>: why it cannot join a data-parallel group (c10d), or null.
/// </summary>
internal sealed record EngineModule(string Name, Func<IEngine> Load, string? CollectivesMissing = null);
