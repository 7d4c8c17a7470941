namespace DeepDsl.Dsl.Tests;

/// <summary>Paths in the checkout the tests run from.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string Examples => Path.Combine(Root, "experiments", "cifar10");

    /// <summary>Every YAML file under experiments/, in memory by full path (the language reads through an ISpecFileSystem).</summary>
    public static DeepDsl.Dsl.Resolution.InMemoryFileSystem ExampleFiles { get; } = new(
        Directory.GetFiles(Path.Combine(Root, "experiments"), "*.yaml", SearchOption.AllDirectories).ToDictionary(Path.GetFullPath, File.ReadAllText));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "DeepDsl.sln"))) return dir.FullName;
        throw new InvalidOperationException("not inside the DeepDsl checkout");
    }
}
