using System.Diagnostics;

namespace DeepDsl.Cli.Tests;

/// <summary>
/// Issue 19 (8): the first `./deepdsl` builds the native shim and the CLI for minutes, and said nothing. The launcher is
/// run here, the real script, on a copy of a checkout's layout with DEEPDSL_LAUNCHER_DRY_RUN=1, which announces each stage
/// the same decisions lead to but runs neither the builds nor the CLI.
/// </summary>
public sealed class LauncherTests : IDisposable
{
    private const string Shim = "deepdsl: building the native libtorch shim";
    private const string Cli = "deepdsl: building the CLI";
    private const string Rebuild = "deepdsl: rebuilding the CLI";
    private readonly string root = Directory.CreateTempSubdirectory("deepdsl-launcher-").FullName;
    private readonly DateTime sources = DateTime.UtcNow.AddMinutes(-10);

    public LauncherTests()
    {
        File.Copy(Path.Combine(Repository.Root, "deepdsl"), Path.Combine(root, "deepdsl"));
        Directory.CreateDirectory(Path.Combine(root, "scripts"));
        File.Copy(Path.Combine(Repository.Root, "scripts", "env.sh"), Path.Combine(root, "scripts", "env.sh"));
        foreach (var file in new[] { "src/Cli/Program.cs", "src/Runtime/native/shim.cpp", "Directory.Build.props", "Directory.Build.targets" })
            Write(file, "", sources);
        Directory.SetLastWriteTimeUtc(Path.Combine(root, "src"), sources);
        foreach (var folder in Directory.GetDirectories(Path.Combine(root, "src"), "*", SearchOption.AllDirectories))
            Directory.SetLastWriteTimeUtc(folder, sources);
    }

    [Fact]
    public void A_fresh_checkout_announces_the_shim_then_the_cli_on_stderr_one_line_each()
    {
        var (stdout, stderr) = Launch();
        Assert.Equal("", stdout);
        Assert.Collection(stderr, l => Assert.StartsWith(Shim, l), l => Assert.StartsWith(Cli, l));
    }

    [Fact]
    public void A_built_shim_is_not_announced_again()
    {
        Write("artifacts/native/system/libdeepdsl_native.so", "elf", sources);
        Assert.Collection(Launch().Stderr, l => Assert.StartsWith(Cli, l));
    }

    [Fact]
    public void A_warm_run_says_nothing()
    {
        Built();
        Assert.Empty(Launch().Stderr);
    }

    [Fact]
    public void A_changed_source_announces_the_rebuild_of_the_cli_alone()
    {
        Built();
        Write("src/Cli/Program.cs", "// edited", DateTime.UtcNow);
        Assert.Collection(Launch().Stderr, l => Assert.StartsWith(Rebuild, l));
    }

    [Fact]
    public void Another_libtorch_announces_its_own_shim_until_one_was_built_against_it()
    {
        Built();
        var libtorch = new Dictionary<string, string> { ["DEEPDSL_LIBTORCH"] = "/opt/libtorch-cuda" };
        Assert.Collection(Launch(libtorch).Stderr, l => Assert.StartsWith($"{Shim} for /opt/libtorch-cuda", l), l => Assert.StartsWith(Rebuild, l));

        Write("artifacts/native/custom-123/CMakeCache.txt", "CMAKE_PREFIX_PATH:UNINITIALIZED=/opt/libtorch-other\n", sources);
        Write("artifacts/native/custom-123/libdeepdsl_native.so", "elf", sources);
        Assert.Collection(Launch(libtorch).Stderr, l => Assert.StartsWith(Shim, l), l => Assert.StartsWith(Rebuild, l));
        Write("artifacts/native/custom-456/CMakeCache.txt", "CMAKE_PREFIX_PATH:UNINITIALIZED=/opt/libtorch-cuda\n", sources);
        Write("artifacts/native/custom-456/libdeepdsl_native.so", "elf", sources);
        Assert.Collection(Launch(libtorch).Stderr, l => Assert.StartsWith(Rebuild, l));
    }

    /// <summary>The state a successful build leaves: the shim, the CLI, and the stamp, newer than every source.</summary>
    private void Built()
    {
        Write("artifacts/native/system/libdeepdsl_native.so", "elf", sources);
        Write("src/Cli/bin/Release/net10.0/deepdsl.dll", "dll", sources);
        Directory.SetLastWriteTimeUtc(Path.Combine(root, "src", "Cli"), sources);
        Write("artifacts/cli-build.stamp", "", DateTime.UtcNow.AddMinutes(-1));
    }

    private void Write(string relative, string text, DateTime time)
    {
        var path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        File.SetLastWriteTimeUtc(path, time);
    }

    private (string Stdout, string[] Stderr) Launch(IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("bash", [Path.Combine(root, "deepdsl"), "validate", "x.yaml"])
        {
            WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        start.Environment["DEEPDSL_LAUNCHER_DRY_RUN"] = "1";
        start.Environment.Remove("DEEPDSL_LIBTORCH");
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) start.Environment[key] = value;
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(1)), "the launcher did not finish");
        Assert.True(process.ExitCode == 0, stdout + stderr.Result);
        return (stdout, stderr.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    public void Dispose() => Directory.Delete(root, recursive: true);
}
