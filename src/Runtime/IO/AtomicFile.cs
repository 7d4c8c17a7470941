namespace DeepDsl.IO;

/// <summary>
/// The one way DeepDsl writes a file — specs, summaries, metrics, checkpoints, figures: a reader, a crash or a
/// full disk sees either the old content or the new, never a torn file. The content goes to a temporary file
/// beside the target, is flushed to the disk, takes the target's permissions, and is renamed over the target.
/// A symbolic link is followed (the file it points to is replaced, the link stays).
/// </summary>
public static class AtomicFile
{
    public static void WriteAllText(string path, string text) => Write(path, temporary => File.WriteAllText(temporary, text));

    public static void WriteAllBytes(string path, byte[] bytes) => Write(path, temporary => File.WriteAllBytes(temporary, bytes));

    /// <exception cref="IOException">The file cannot be written (a full disk, a read-only folder); the message names it, and the old file is intact.</exception>
    public static void Write(string path, Action<string> writeTemporary)
    {
        var target = File.Exists(path) ? PathGuard.Resolve(path) : Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(target)!;
        var temporary = Path.Combine(directory, $".{Path.GetFileName(target)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            Directory.CreateDirectory(directory);
            writeTemporary(temporary);
            using (var written = new FileStream(temporary, FileMode.Open, FileAccess.ReadWrite, FileShare.None))
                written.Flush(flushToDisk: true);
            if (!OperatingSystem.IsWindows() && File.Exists(target)) File.SetUnixFileMode(temporary, File.GetUnixFileMode(target));
            File.Move(temporary, target, overwrite: true);
        }
        catch (UnauthorizedAccessException error)
        {
            throw new IOException($"cannot write {path}: permission denied (is the folder read-only?)", error);
        }
        catch (IOException error) when (!error.Message.Contains(path, StringComparison.Ordinal))
        {
            throw new IOException($"cannot write {path}: {error.Message}", error);
        }
        finally
        {
            try
            {
                if (File.Exists(temporary)) File.Delete(temporary);
            }
            catch (IOException)
            {
                // Leaving a temporary file behind is better than hiding why the write failed.
            }
        }
    }
}
