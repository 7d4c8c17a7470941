using DeepDsl.IO;
using Microsoft.Win32.SafeHandles;

namespace DeepDsl.Runs;

/// <summary>
/// Held while a process trains in a run folder, so that two processes never write the same run (say, two
/// `--resume`s of it): an exclusive lock on the folder's run.lock file, released when disposed or when the
/// process ends. The lock is the operating system's (flock on Unix), so a crashed process leaves none behind.
/// The lock file is opened without following a link: a run folder someone sent cannot make the lock create a file elsewhere.
/// </summary>
public sealed class RunLock : IDisposable
{
    public const string FileName = "run.lock";
    private readonly SafeFileHandle handle;

    private RunLock(SafeFileHandle handle) => this.handle = handle;

    /// <exception cref="RunException">Another process holds the run.</exception>
    public static RunLock Acquire(string runFolder) => Acquire(runFolder, FileName);

    /// <summary>Locks <paramref name="folder"/> through its <paramref name="lockFile"/> (a sweep folder holds sweep.lock).</summary>
    /// <exception cref="RunException">Another process holds it.</exception>
    /// <exception cref="IOException">The lock file is a link or not a regular file.</exception>
    public static RunLock Acquire(string folder, string lockFile)
    {
        var owned = new OwnedFolder(folder);
        var handle = owned.OpenOrCreate(Path.Combine(owned.Path, lockFile));
        if (Locked(handle)) return new RunLock(handle);
        handle.Dispose();
        throw new RunException($"{folder} is in use by another DeepDsl process (its {lockFile} is locked); wait for it to finish or stop it.");
    }

    private static bool Locked(SafeFileHandle handle)
    {
        if (UnixFiles.Available) return UnixFiles.TryLockExclusive(handle);
        return true; // elsewhere the handle was opened unshared (OwnedFolder), which is the lock
    }

    public void Dispose() => handle.Dispose();
}
