using DeepDsl.Torch;

namespace DeepDsl.Engines;

/// <summary>
/// The one place that knows which engine runs this process's tensors. It is chosen once, at the first tensor: the
/// engine named by <see cref="Choose"/> (<c>deepdsl run --engine</c>), else by <c>DEEPDSL_ENGINE</c>, else by the app's
/// <c>DeepDsl.Engine</c> setting (the DeepDsl package writes "torchsharp" there when the project references a TorchSharp
/// libtorch package), else the first that loads: native, then TorchSharp. Two libtorch builds never share a process:
/// an engine that fails to load leaves nothing behind that the next one trips over.
/// </summary>
internal static class Engine
{
    public const string Variable = "DEEPDSL_ENGINE";
    public const string AppSetting = "DeepDsl.Engine";

    /// <summary>Every engine, in the order an unnamed choice tries them.</summary>
    public static readonly IReadOnlyList<EngineModule> Modules =
    [
        new(Native.NativeEngine.EngineName, Native.NativeEngine.Load),
    ];

    private static readonly Lock Gate = new();
    private static string? chosen;
    private static IEngine? current;

    /// <summary>The loaded engine; loads it on first use (a <see cref="LibTorchMissingException"/> says why none could).</summary>
    public static IEngine Current => current ?? Load();

    /// <summary>True once an engine is loaded.</summary>
    public static bool IsLoaded => current is not null;

    /// <summary>Names the engine before the first tensor; an unknown name or a different engine already loaded is an error.</summary>
    public static void Choose(string name)
    {
        var module = Find(name);
        lock (Gate)
        {
            if (current is not null && current.Name != module.Name)
                throw new InvalidOperationException($"the {current.Name} engine is already loaded in this process; the engine is chosen before the first tensor");
            chosen = module.Name;
        }
    }

    /// <summary>The engine of that name (case-insensitive), or an ArgumentException naming the known ones.</summary>
    public static EngineModule Find(string name) =>
        Modules.FirstOrDefault(m => string.Equals(m.Name, name.Trim(), StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"unknown engine '{name}': expected {string.Join(" or ", Modules.Select(m => m.Name))}");

    private static IEngine Load()
    {
        lock (Gate)
        {
            if (current is not null) return current;
            var named = chosen ?? NonEmpty(Environment.GetEnvironmentVariable(Variable)) ?? NonEmpty(AppContext.GetData(AppSetting) as string);
            current = named is not null ? Find(named).Load() : FirstThatLoads();
            return current;
        }
    }

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

/// <summary>An engine by name, and how to load it: <see cref="Load"/> returns it ready, or throws a <see cref="LibTorchMissingException"/> whose message says why not.</summary>
internal sealed record EngineModule(string Name, Func<IEngine> Load);
