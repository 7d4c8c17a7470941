namespace DeepDsl.Dsl.Tests;

/// <summary>The checkout's example specs as the language reads them in these tests: through an in-memory file system.</summary>
internal static class ExampleSpecs
{
    /// <summary>Every YAML file under experiments/, in memory by full path (the language reads through an ISpecFileSystem).</summary>
    public static DeepDsl.Dsl.Resolution.InMemoryFileSystem Files { get; } = new(
        Directory.GetFiles(Path.Combine(Repository.Root, "experiments"), "*.yaml", SearchOption.AllDirectories).ToDictionary(Path.GetFullPath, File.ReadAllText));
}
