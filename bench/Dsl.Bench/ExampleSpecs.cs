namespace DeepDsl.Dsl.Bench;

/// <summary>The exercise-8 specs of experiments/cifar10, read once: the benchmarks compile them from memory.</summary>
public static class ExampleSpecs
{
    public static IReadOnlyDictionary<string, string> Load()
    {
        var root = Directory.GetCurrentDirectory();
        while (!File.Exists(Path.Combine(root, "DeepDsl.sln")))
            root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("run inside the DeepDsl checkout");
        return Directory.GetFiles(Path.Combine(root, "experiments", "cifar10"), "*.yaml").Order(StringComparer.Ordinal).ToDictionary(f => f, File.ReadAllText);
    }
}
