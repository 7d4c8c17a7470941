namespace DeepDsl.Runtime.Tests.Data;

/// <summary>
/// The real CIFAR-10 copy beside the checkout (../shared/data/cifar10), or $DEEPDSL_DATA. Tests that
/// need it say so in their skip reason when it is absent (a clone without the shared folder).
/// </summary>
internal static class SharedData
{
    public static string? Cifar10Folder
    {
        get
        {
            foreach (var root in Roots())
            {
                var folder = Path.Combine(root, "cifar10");
                if (File.Exists(Path.Combine(folder, "test_batch.bin"))) return folder;
            }
            return null;
        }
    }

    public static string? DataRoot => Cifar10Folder is { } folder ? Path.GetDirectoryName(folder) : null;

    private static IEnumerable<string> Roots()
    {
        if (Environment.GetEnvironmentVariable("DEEPDSL_DATA") is { Length: > 0 } env) yield return env;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            yield return Path.Combine(dir.FullName, "shared", "data");
    }
}

/// <summary>A fact that needs the real CIFAR-10 files; skipped, with the reason shown, where they are absent.</summary>
public sealed class Cifar10FactAttribute : FactAttribute
{
    public Cifar10FactAttribute()
    {
        if (SharedData.Cifar10Folder is null) Skip = "CIFAR-10 not found: set DEEPDSL_DATA or keep ../shared/data/cifar10 beside the checkout";
    }
}
