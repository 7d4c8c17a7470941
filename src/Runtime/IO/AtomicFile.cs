namespace DeepDsl.IO;

/// <summary>
/// The one way DeepDsl writes a file — specs, summaries, metrics, checkpoints, figures: a reader, a crash or a
/// full disk sees either the old content or the new, never a torn file. The content goes to a temporary file
/// beside the target, is flushed to the disk, takes the target's permissions, and is renamed over the target.
/// Two kinds of target: a file of the user's (a spec that `fmt` rewrites, `compare --out x.svg`), where a symbolic link
/// is followed (the file it points to is replaced, the link stays); and a file inside an <see cref="OwnedFolder"/> (a run
/// or sweep folder), where a link is refused, never followed. Either way only a regular file is ever replaced: an output
/// named /dev/full or a FIFO is refused with one line, not swapped for a file.
/// </summary>
public static class AtomicFile
{
    public static void WriteAllText(string path, string text, OwnedFolder? inside = null) => Write(path, temporary => File.WriteAllText(temporary, text), inside);

    public static void WriteAllBytes(string path, byte[] bytes, OwnedFolder? inside = null) => Write(path, temporary => File.WriteAllBytes(temporary, bytes), inside);

    /// <exception cref="IOException">The file cannot be written (a full disk, a read-only folder); the message names it, and the old file is intact.</exception>
    /// <param name="inside">The folder DeepDsl owns that holds <paramref name="path"/>: no name on the way may be a link.</param>
    public static void Write(string path, Action<string> writeTemporary, OwnedFolder? inside = null)
    {
        var target = inside is not null ? inside.Checked(path) : UsersFile(path);
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
                if (PathGuard.KindOf(temporary) != FileKind.Missing) File.Delete(temporary);
            }
            catch (IOException)
            {
                // Leaving a temporary file behind is better than hiding why the write failed.
            }
        }
    }

    /// <summary>The file a user's path names (its link followed), when it is missing or a regular file.</summary>
    private static string UsersFile(string path)
    {
        if (path.Length == 0) throw new IOException("an output file name is empty");
        var target = PathGuard.Resolve(path);
        var kind = PathGuard.KindOf(target);
        if (kind is FileKind.Missing or FileKind.RegularFile) return target;
        throw new IOException(kind == FileKind.Folder
            ? $"{path} is a folder; name a file to write"
            : $"{path} is a device, FIFO or socket, not a regular file; DeepDsl replaces only regular files");
    }
}
