using DeepDsl.IO;
using DeepDsl.Runs;

namespace DeepDsl.Runtime.Tests.IO;

/// <summary>The guarded doors to the disk: atomic writes that keep links and modes, run folders only inside the runs root, one process per run.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class FileSafetyTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("deepdsl-io-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void An_atomic_write_follows_a_symbolic_link_and_keeps_the_mode()
    {
        var target = Path.Combine(folder, "real.yaml");
        File.WriteAllText(target, "old");
        File.SetUnixFileMode(target, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);
        var link = Path.Combine(folder, "link.yaml");
        File.CreateSymbolicLink(link, target);
        AtomicFile.WriteAllText(link, "new");
        Assert.Equal(target, new FileInfo(link).LinkTarget);
        Assert.Equal("new", File.ReadAllText(target));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead, File.GetUnixFileMode(target));
    }

    [Fact]
    public void A_write_that_fails_midway_leaves_the_old_file_and_no_temporary()
    {
        var target = Path.Combine(folder, "spec.yaml");
        File.WriteAllText(target, "name: kept\n");
        Assert.Throws<IOException>(() => AtomicFile.Write(target, temporary =>
        {
            File.WriteAllText(temporary, "name: tor");
            throw new IOException("No space left on device");
        }));
        Assert.Equal("name: kept\n", File.ReadAllText(target));
        Assert.Equal([target], Directory.GetFiles(folder));
    }

    [Fact]
    public void A_run_folder_is_created_inside_the_runs_root_even_through_a_link()
    {
        var runs = Path.Combine(folder, "runs");
        var outside = Directory.CreateTempSubdirectory("deepdsl-outside-").FullName;
        Directory.CreateDirectory(runs);
        Directory.CreateSymbolicLink(Path.Combine(runs, "escape"), outside);
        var error = Assert.Throws<IOException>(() => RunDirectory.Create(runs, "escape", "abc", DateTimeOffset.UnixEpoch));
        Assert.Contains("outside", error.Message);
        Assert.Empty(Directory.GetFileSystemEntries(outside));
        Directory.Delete(outside);
    }

    [Fact]
    public void Two_runs_started_in_the_same_second_get_two_folders_each_locked()
    {
        var runs = Path.Combine(folder, "runs");
        var (first, firstLock) = RunDirectory.Create(runs, "exp", "abc", DateTimeOffset.UnixEpoch);
        var (second, secondLock) = RunDirectory.Create(runs, "exp", "abc", DateTimeOffset.UnixEpoch);
        using (firstLock)
        using (secondLock)
        {
            Assert.NotEqual(first.Path, second.Path);
            Assert.EndsWith("-2", second.Path);
            Assert.Throws<RunException>(() => first.Lock());
        }
        using var again = first.Lock();
    }

    [Fact]
    public void Reading_refuses_folders_devices_and_files_over_the_cap()
    {
        Assert.Contains("folder", Assert.Throws<IOException>(() => PathGuard.ReadFile(folder, 100)).Message);
        Assert.Contains("not a regular file", Assert.Throws<IOException>(() => PathGuard.ReadFile("/dev/zero", 100)).Message);
        var big = Path.Combine(folder, "big");
        File.WriteAllBytes(big, new byte[101]);
        Assert.Contains("at most 100", Assert.Throws<IOException>(() => PathGuard.ReadFile(big, 100)).Message);
        Assert.Throws<FileNotFoundException>(() => PathGuard.ReadFile(Path.Combine(folder, "none"), 100));
    }
}
