using System.Diagnostics;

namespace DeepDsl.Cli.Tests.Docs;

/// <summary>
/// The commands the README, docs/scale-out.md and docs/version-control.md give run as written: each page's shell blocks
/// run in order, with bash -e, in a folder laid out like a clone (experiments/, schema/, scripts/, a git repository)
/// where `deepdsl` and `./deepdsl` are the CLI under test and Slurm is the suite's local cluster. A block that cannot run
/// here says why on the line before it (<see cref="ShellBlock"/>); a block without that mark is run.
/// </summary>
[Collection("slurm")]
public sealed class DocumentedCommandsTests(SlurmCluster cluster) : IDisposable
{
    public static TheoryData<string> Pages => new(["README.md", "docs/scale-out.md", "docs/version-control.md"]);

    private readonly string folder = Directory.CreateTempSubdirectory("deepdsl-docs-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Theory]
    [MemberData(nameof(Pages))]
    public void Every_shell_block_runs_as_written_or_says_why_not(string page)
    {
        var blocks = ShellBlock.Read(Repository.Root, page);
        Assert.NotEmpty(blocks);
        Assert.All(blocks.Where(b => b.SkipReason is not null), b => Assert.True(b.SkipReason!.Length >= 10, $"{b}: say why the block is not run"));
        var runnable = blocks.Where(b => !b.Skipped).ToList();
        Assert.NotEmpty(runnable);

        LayOutClone();
        foreach (var block in runnable)
        {
            var result = Bash(block.Runnable);
            Assert.True(result.Exit == 0, $"{block} failed:\n{block.Runnable}\n{result}\n{cluster.LogTails()}");
        }
    }

    /// <summary>A folder like a clone: the example specs, the schema and the scripts, committed in a git repository.</summary>
    private void LayOutClone()
    {
        foreach (var part in new[] { "experiments", "schema", "scripts" })
            Copy(Path.Combine(Repository.Root, part), Path.Combine(folder, part));
        var cli = Path.Combine(AppContext.BaseDirectory, "deepdsl.dll");
        var launcher = $"#!/usr/bin/env bash\nexec dotnet '{cli.Replace("'", "'\\''")}' \"$@\"\n";
        Directory.CreateDirectory(Path.Combine(folder, ".bin"));
        foreach (var path in new[] { Path.Combine(folder, "deepdsl"), Path.Combine(folder, ".bin", "deepdsl") })
            File.WriteAllText(path, launcher);
        File.WriteAllText(Path.Combine(folder, ".gitignore"), "runs/\n.bin/\n.gitconfig\n");
        File.WriteAllText(Path.Combine(folder, ".gitconfig"), "[user]\n\tname = docs\n\temail = docs@example.com\n");
        var init = Bash("chmod +x deepdsl .bin/deepdsl && git init -q && git add -A && git commit -qm clone");
        Assert.True(init.Exit == 0, init.ToString());
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var entry in new DirectoryInfo(from).EnumerateFileSystemInfos())
        {
            if (entry.Name is "bin" or "obj") continue;
            var target = Path.Combine(to, entry.Name);
            if (entry is DirectoryInfo) Copy(entry.FullName, target);
            else File.Copy(entry.FullName, target);
        }
    }

    private DeepDslProcess.Result Bash(string script)
    {
        var start = new ProcessStartInfo("bash") { WorkingDirectory = folder };
        start.ArgumentList.Add("-eo");
        start.ArgumentList.Add("pipefail");
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        foreach (var (key, value) in cluster.Environment) start.Environment[key] = value;
        // As ./deepdsl does (scripts/env.sh): a checkout beside the shared data folder reads its data from there.
        var shared = Path.Combine(Repository.Root, "..", "shared", "data");
        if (string.IsNullOrEmpty(System.Environment.GetEnvironmentVariable("DEEPDSL_DATA")) && Directory.Exists(shared))
            start.Environment["DEEPDSL_DATA"] = Path.GetFullPath(shared);
        start.Environment["PATH"] = Path.Combine(folder, ".bin") + ":" + System.Environment.GetEnvironmentVariable("PATH");
        start.Environment["GIT_CONFIG_GLOBAL"] = Path.Combine(folder, ".gitconfig");
        return DeepDslProcess.Run(start, $"bash -c {script}", 600);
    }
}
