namespace DeepDsl.IO;

/// <summary>
/// The one door for paths that a spec or a command line makes DeepDsl open or create. Paths are compared
/// after every symbolic link is resolved, so a link cannot lead a spec out of its project or a run out of
/// the runs root; files are read only when they are regular files, with a size cap enforced while reading.
/// </summary>
public static class PathGuard
{
    private const int MaxLinkHops = 40;

    /// <summary>The absolute path with every symbolic link resolved; components that do not exist yet are kept as written.</summary>
    public static string Resolve(string path)
    {
        var full = Path.GetFullPath(path);
        for (var hops = 0; hops <= MaxLinkHops; hops++)
        {
            var root = Path.GetPathRoot(full) ?? "/";
            var parts = full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
            var current = root;
            var relinked = false;
            for (var i = 0; i < parts.Length && !relinked; i++)
            {
                var next = Path.Combine(current, parts[i]);
                if (new FileInfo(next).LinkTarget is { } target)
                {
                    full = Path.GetFullPath(Path.Combine([Path.GetFullPath(target, current), .. parts[(i + 1)..]]));
                    relinked = true;
                }
                current = next;
            }
            if (!relinked) return full;
        }
        throw new IOException($"{path}: too many levels of symbolic links");
    }

    /// <summary>Whether <paramref name="path"/> is <paramref name="root"/> or lies below it, both with links resolved.</summary>
    public static bool IsInside(string root, string path) => IsInsideResolved(Resolve(root), path);

    /// <summary>
    /// As <see cref="IsInside"/>, under a root that <see cref="Resolve"/> has already resolved: a caller that checks many paths
    /// under one root (the board, at every poll) resolves it once. A root passed unresolved only refuses more, never less:
    /// a resolved path holds no link to match it.
    /// </summary>
    public static bool IsInsideResolved(string resolvedRoot, string path)
    {
        var root = resolvedRoot.TrimEnd(Path.DirectorySeparatorChar);
        var resolved = Resolve(path);
        return resolved == root || resolved.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal);
    }

    /// <summary>What <paramref name="path"/> itself is: a link is reported as a link, not followed.</summary>
    public static FileKind KindOf(string path)
    {
        if (UnixFiles.Available) return UnixFiles.Examine(path).Kind;
        var info = new FileInfo(path);
        if (info.LinkTarget is not null) return FileKind.SymbolicLink;
        return Directory.Exists(path) ? FileKind.Folder : info.Exists ? FileKind.RegularFile : FileKind.Missing;
    }

    /// <summary>What <paramref name="path"/> leads to once every link is followed, and its size.</summary>
    public static (FileKind Kind, long Size) Examine(string path)
    {
        var resolved = Resolve(path);
        if (UnixFiles.Available) return UnixFiles.Examine(resolved);
        var kind = KindOf(resolved);
        return (kind, kind == FileKind.RegularFile ? new FileInfo(resolved).Length : 0);
    }

    /// <summary>
    /// Why <paramref name="path"/> may not be read as a file of at most <paramref name="maxBytes"/> bytes, or null when it may.
    /// Only regular files are read, their size known before a byte is read: a device (/dev/zero) would never end, a FIFO
    /// would block.
    /// </summary>
    public static string? WhyNotReadable(string path, long maxBytes)
    {
        var (kind, size) = Examine(path);
        return kind switch
        {
            FileKind.Missing => "no such file",
            FileKind.Folder => "it is a folder, not a file",
            FileKind.Special => "it is a device, FIFO or socket, not a regular file",
            // /proc's files report size 0 however much they hold; none is what a spec or record may name.
            _ when size == 0 => "it is empty (or a /proc file, which reports no size)",
            _ when size > maxBytes => $"it has {size:N0} bytes; at most {maxBytes:N0} are read",
            _ => null,
        };
    }

    /// <summary>Reads a regular file of at most <paramref name="maxBytes"/> bytes (the cap holds while reading, should the file grow).</summary>
    /// <exception cref="FileNotFoundException">It does not exist.</exception>
    /// <exception cref="IOException">It is not a regular file, is too large, or cannot be read; the message names it.</exception>
    public static byte[] ReadFile(string path, long maxBytes)
    {
        if (!File.Exists(path) && !Directory.Exists(path)) throw new FileNotFoundException($"{path}: no such file", path);
        if (WhyNotReadable(path, maxBytes) is { } why) throw new IOException($"{path}: {why}");
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
            {
                if (buffer.Length + read > maxBytes) throw new IOException($"{path}: it grew past {maxBytes:N0} bytes while being read");
                buffer.Write(chunk, 0, read);
            }
            return buffer.ToArray();
        }
        catch (UnauthorizedAccessException error)
        {
            throw new IOException($"{path}: cannot be read ({error.Message})", error);
        }
    }

    /// <summary>
    /// Creates a new folder <paramref name="name"/> (one path component) under <paramref name="parent"/>, which must lie
    /// inside <paramref name="root"/> once links are resolved. Atomic: the folder is filled by <paramref name="prepare"/>
    /// under a private name and renamed into place, which fails if another process made one of that name meanwhile;
    /// then the next of <paramref name="name"/>-2, -3, … is tried.
    /// </summary>
    /// <param name="exact">Take only <paramref name="name"/> itself: fail, rather than number it, when it exists.</param>
    public static string CreateFolderInside(string root, string parent, string name, Action<string> prepare, bool exact = false)
    {
        if (name.Length == 0 || name.Contains(Path.DirectorySeparatorChar) || name is "." or "..")
            throw new ArgumentException($"'{name}' is not a single folder name", nameof(name));
        Directory.CreateDirectory(root);
        if (!IsInside(root, parent))
            throw new IOException($"{parent} lies outside {Path.GetFullPath(root)}; DeepDsl writes runs only inside the runs root");
        Directory.CreateDirectory(parent);
        var staging = Path.Combine(parent, $".new-{Guid.NewGuid():N}");
        Directory.CreateDirectory(staging);
        try
        {
            prepare(staging);
            for (var n = 1; ; n++)
            {
                var target = Path.Combine(parent, n == 1 ? name : $"{name}-{n}");
                if (exact && n > 1) throw new IOException($"{Path.Combine(parent, name)} exists already");
                if (Directory.Exists(target) || File.Exists(target)) continue;
                try
                {
                    Directory.Move(staging, target);
                    return target;
                }
                catch (IOException) when (Directory.Exists(target) && n < 1000)
                {
                    // Another process took the name between the check and the rename: take the next one.
                }
            }
        }
        finally
        {
            if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        }
    }
}
