using DeepDsl.IO;
using Microsoft.Win32.SafeHandles;

namespace DeepDsl.Runs;

/// <summary>
/// Held while a process trains in a run folder, so that two processes never write the same run (say, two
/// `--resume`s of it): an exclusive lock on the folder's run.lock file, released when disposed or when the
/// process ends. The lock is the operating system's (flock on Unix), so a crashed process leaves none behind.
/// The lock file is opened without following a link: a run folder someone sent cannot make the lock create a file elsewhere.
/// A run's lock file is removed when the lock is released (a finished run folder holds only its records); it is unlinked
/// while still locked, and a process that locked a name the holder had just unlinked sees that and locks the new file
/// instead, so two processes never both think they hold the run.
/// </summary>
public sealed class RunLock : IDisposable
{
    public const string FileName = "run.lock";

    // Retries when the file just locked was unlinked by a process releasing it (each retry means one finished in between).
    private const int Attempts = 100;

    private readonly SafeFileHandle handle;
    private string? removeOnRelease;

    private RunLock(SafeFileHandle handle, string? removeOnRelease)
    {
        this.handle = handle;
        this.removeOnRelease = removeOnRelease;
    }

    /// <summary>Locks a run folder through its run.lock, which is removed again when the lock is released.</summary>
    /// <exception cref="RunException">Another process holds the run.</exception>
    public static RunLock Acquire(string runFolder) => Acquire(runFolder, FileName, removeOnRelease: true);

    /// <summary>Locks <paramref name="folder"/> through its <paramref name="lockFile"/> (a sweep folder holds sweep.lock), which stays.</summary>
    /// <exception cref="RunException">Another process holds it.</exception>
    /// <exception cref="IOException">The lock file is a link or not a regular file.</exception>
    public static RunLock Acquire(string folder, string lockFile) => Acquire(folder, lockFile, removeOnRelease: false);

    private static RunLock Acquire(string folder, string lockFile, bool removeOnRelease)
    {
        var owned = new OwnedFolder(folder);
        var path = Path.Combine(owned.Path, lockFile);
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var handle = owned.OpenOrCreate(path);
            if (!Locked(handle))
            {
                handle.Dispose();
                throw new RunException($"{folder} is in use by another DeepDsl process (its {lockFile} is locked); wait for it to finish or stop it.");
            }
            if (StillNamed(handle, path)) return new RunLock(handle, removeOnRelease ? path : null);
            handle.Dispose();
        }
        throw new RunException($"{folder}: its {lockFile} kept being replaced while it was locked; another process is starting and stopping in it.");
    }

    /// <summary>The locked folder was renamed to <paramref name="folder"/> (a new run is prepared under a private name): its lock file is there now.</summary>
    internal void FolderRenamed(string folder)
    {
        if (removeOnRelease is not null) removeOnRelease = Path.Combine(Path.GetFullPath(folder), Path.GetFileName(removeOnRelease));
    }

    private static bool Locked(SafeFileHandle handle)
    {
        if (UnixFiles.Available) return UnixFiles.TryLockExclusive(handle);
        return true; // elsewhere the handle was opened unshared (OwnedFolder), which is the lock
    }

    /// <summary>True when <paramref name="path"/> is still the file the handle holds (not unlinked, nor replaced, since it was opened).</summary>
    private static bool StillNamed(SafeFileHandle handle, string path) =>
        !UnixFiles.Available || (UnixFiles.IdentityOf(handle) is { } held && UnixFiles.IdentityOf(path) == held);

    public void Dispose()
    {
        // Unlinked while locked, and only when the name is still this very file (regular, ours): never another file put there.
        if (removeOnRelease is not null && UnixFiles.Available && !handle.IsClosed && StillNamed(handle, removeOnRelease))
        {
            try
            {
                File.Delete(removeOnRelease);
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException)
            {
                // A read-only folder, say: an empty lock file left behind is harmless.
            }
        }
        handle.Dispose();
    }
}
