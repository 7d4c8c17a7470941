using DeepDsl.Runs;

namespace DeepDsl.Runtime.Tests.Runs;

/// <summary>
/// run.lock is held while a process trains in a run, and gone when it is released (issue 19 item 11: an empty run.lock
/// stayed in every finished run folder); removing it never lets two processes hold one run, nor removes a file that is not the lock's.
/// </summary>
public sealed class RunLockTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("deepdsl-runlock-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string LockFile => Path.Combine(folder, RunLock.FileName);

    [Fact]
    public void A_run_lock_file_is_there_while_held_and_removed_when_released()
    {
        using (RunLock.Acquire(folder))
        {
            Assert.True(File.Exists(LockFile));
            Assert.Throws<RunException>(() => RunLock.Acquire(folder));
        }
        Assert.False(File.Exists(LockFile));
        using (RunLock.Acquire(folder)) Assert.Throws<RunException>(() => RunLock.Acquire(folder));
        Assert.False(File.Exists(LockFile));
    }

    [Fact]
    public void A_new_run_folder_has_no_lock_file_once_released()
    {
        var (run, held) = RunDirectory.Create(folder, "exp", new string('a', 64), DateTimeOffset.UnixEpoch);
        Assert.True(File.Exists(Path.Combine(run.Path, RunLock.FileName)));
        held.Dispose();
        Assert.Empty(Directory.EnumerateFileSystemEntries(run.Path));
    }

    [Fact]
    public void A_trial_folder_created_exactly_has_no_lock_file_once_released()
    {
        var (run, held) = RunDirectory.CreateExactly(Path.Combine(folder, "trials", new string('b', 64)));
        held.Dispose();
        Assert.False(File.Exists(Path.Combine(run.Path, RunLock.FileName)));
    }

    [Fact]
    public void A_file_put_in_the_lock_files_place_is_not_removed()
    {
        var held = RunLock.Acquire(folder);
        File.Move(LockFile, LockFile + ".moved");
        File.WriteAllText(LockFile, "someone else's");
        held.Dispose();
        Assert.Equal("someone else's", File.ReadAllText(LockFile));
    }

    [Fact]
    public void A_sweep_lock_file_stays()
    {
        using (RunLock.Acquire(folder, "sweep.lock")) { }
        Assert.True(File.Exists(Path.Combine(folder, "sweep.lock")));
    }

    [Fact]
    public void Many_processes_worth_of_lockers_never_hold_one_run_twice()
    {
        // Threads stand in for processes: flock locks belong to open files, so two handles in one process exclude each other too.
        var holders = 0;
        var most = 0;
        Parallel.For(0, 4, _ =>
        {
            for (var i = 0; i < 3000; i++)
            {
                RunLock held;
                try
                {
                    held = RunLock.Acquire(folder);
                }
                catch (RunException)
                {
                    continue;
                }
                var now = Interlocked.Increment(ref holders);
                InterlockedMax(ref most, now);
                Thread.SpinWait(200);
                Interlocked.Decrement(ref holders);
                held.Dispose();
            }
        });
        Assert.Equal(1, most);
        Assert.False(File.Exists(LockFile));
    }

    private static void InterlockedMax(ref int target, int value)
    {
        for (var seen = target; value > seen; seen = target)
            if (Interlocked.CompareExchange(ref target, value, seen) == seen) return;
    }
}
