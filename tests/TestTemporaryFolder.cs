using System.Runtime.CompilerServices;

namespace DeepDsl.Tests;

/// <summary>
/// Gives each test process its own temporary folder, /tmp/deepdsl-tests-PID, and deletes it when the process ends: tests
/// make their scratch folders with Directory.CreateTempSubdirectory (fake CIFAR-10 files of 180 MB among them), and a
/// suite that left them behind filled the disk after a few dozen runs. The processes the tests start (deepdsl, git, the
/// board) inherit TMPDIR and so write under it too. A folder left by a test process that was killed is deleted by the
/// next one. Compiled into every test project (tests/Directory.Build.props).
/// </summary>
internal static class TestTemporaryFolder
{
    private const string Prefix = "deepdsl-tests-";

    [ModuleInitializer]
    internal static void Use()
    {
        if (!OperatingSystem.IsLinux() || Environment.GetEnvironmentVariable("TMPDIR") is { } set && set.Contains(Prefix)) return;
        var root = Path.GetTempPath();
        DeleteLeftBehind(root);
        var folder = Directory.CreateDirectory(Path.Combine(root, Prefix + Environment.ProcessId)).FullName;
        Environment.SetEnvironmentVariable("TMPDIR", folder + "/");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Delete(folder);
    }

    // Only folders of processes that no longer run: the suite's test projects run side by side, each in its own process.
    private static void DeleteLeftBehind(string root)
    {
        foreach (var folder in Directory.EnumerateDirectories(root, Prefix + "*"))
            if (int.TryParse(Path.GetFileName(folder)[Prefix.Length..], out var pid) && !Directory.Exists($"/proc/{pid}"))
                Delete(folder);
    }

    private static void Delete(string folder)
    {
        try { Directory.Delete(folder, recursive: true); }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException) { /* a scratch folder left is no failure */ }
    }
}
