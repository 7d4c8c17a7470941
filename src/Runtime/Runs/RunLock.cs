namespace DeepDsl.Runs;

/// <summary>
/// Held while a process trains in a run folder, so that two processes never write the same run (say, two
/// `--resume`s of it): an exclusive lock on the folder's run.lock file, released when disposed or when the
/// process ends. The lock is the operating system's (flock on Unix), so a crashed process leaves none behind.
/// </summary>
public sealed class RunLock : IDisposable
{
    public const string FileName = "run.lock";
    private readonly FileStream stream;

    private RunLock(FileStream stream) => this.stream = stream;

    /// <exception cref="RunException">Another process holds the run.</exception>
    public static RunLock Acquire(string runFolder) => Acquire(runFolder, FileName);

    /// <summary>Locks <paramref name="folder"/> through its <paramref name="lockFile"/> (a sweep folder holds sweep.lock).</summary>
    /// <exception cref="RunException">Another process holds it.</exception>
    public static RunLock Acquire(string folder, string lockFile)
    {
        var path = Path.Combine(folder, lockFile);
        try
        {
            return new RunLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException error) when (error is not FileNotFoundException and not DirectoryNotFoundException)
        {
            throw new RunException($"{folder} is in use by another DeepDsl process (its {lockFile} is locked); wait for it to finish or stop it.", error);
        }
    }

    public void Dispose() => stream.Dispose();
}
