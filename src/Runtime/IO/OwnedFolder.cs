namespace DeepDsl.IO;

/// <summary>
/// A folder in which DeepDsl made every name: a run folder, a sweep folder. Such folders are shared (committed, sent to be
/// compared), so one may arrive with a link planted where DeepDsl will write — report/best.yaml pointing at the receiver's
/// ~/.bashrc, run.lock at /etc/passwd. Inside it DeepDsl therefore creates, writes and locks only real folders and regular
/// files, never through a symbolic link, and names the link it refuses. The folder itself is taken as the caller gives it
/// (the runs root may be a link the user made).
/// </summary>
public sealed record OwnedFolder
{
    public OwnedFolder(string path) => Path = System.IO.Path.GetFullPath(path);

    public string Path { get; }

    /// <summary>The full path of <paramref name="relative"/>, a folder below this one, created (without following links) where missing.</summary>
    /// <exception cref="IOException">A name on the way is a link or not a folder.</exception>
    public string Folder(string relative)
    {
        var current = Path;
        foreach (var part in relative.Split(System.IO.Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            if (part is "." or "..") throw new ArgumentException($"'{relative}' is not a path below {Path}", nameof(relative));
            current = System.IO.Path.Combine(current, part);
            switch (PathGuard.KindOf(current))
            {
                case FileKind.Missing:
                    Directory.CreateDirectory(current);
                    if (PathGuard.KindOf(current) != FileKind.Folder) throw Refused(current, PathGuard.KindOf(current));
                    break;
                case FileKind.Folder:
                    break;
                case var kind:
                    throw Refused(current, kind);
            }
        }
        return current;
    }

    /// <summary>
    /// <paramref name="path"/> (full, inside this folder) when every folder on the way from this one is a real folder and the
    /// file itself is missing or a regular file; its folders are created when missing.
    /// </summary>
    /// <exception cref="IOException">It lies outside this folder, or a name on the way is a link, a device, a FIFO or a socket.</exception>
    public string Checked(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        var relative = System.IO.Path.GetRelativePath(Path, full);
        if (relative == "." || relative.StartsWith("..", StringComparison.Ordinal) || System.IO.Path.IsPathRooted(relative))
            throw new IOException($"{full} lies outside {Path}; DeepDsl writes only inside the folders it owns");
        var parent = System.IO.Path.GetDirectoryName(relative);
        if (!string.IsNullOrEmpty(parent)) Folder(parent);
        var kind = PathGuard.KindOf(full);
        if (kind is not (FileKind.Missing or FileKind.RegularFile)) throw Refused(full, kind);
        return full;
    }

    /// <summary>Opens <paramref name="path"/> for appending (a log), creating it; never through a link.</summary>
    public FileStream OpenAppend(string path) => new(Open(path, UnixFiles.WriteOnly | UnixFiles.Create | UnixFiles.Append), FileAccess.Write);

    /// <summary>Opens <paramref name="path"/> for reading and writing, creating it; never through a link (a lock file).</summary>
    public Microsoft.Win32.SafeHandles.SafeFileHandle OpenOrCreate(string path) => Open(path, UnixFiles.ReadWrite | UnixFiles.Create);

    private Microsoft.Win32.SafeHandles.SafeFileHandle Open(string path, int flags)
    {
        var full = Checked(path);
        if (!UnixFiles.Available)
            return (flags & UnixFiles.Append) != 0
                ? File.OpenHandle(full, FileMode.Append, FileAccess.Write, FileShare.ReadWrite)
                : File.OpenHandle(full, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None); // elsewhere, opening unshared is the lock
        var handle = UnixFiles.OpenNoFollow(full, flags, out var error);
        if (handle is null)
            throw error == UnixFiles.ErrorLoop ? Refused(full, FileKind.SymbolicLink) : new IOException($"cannot open {full} (errno {error})");
        if (UnixFiles.KindOf(handle) is var kind and not FileKind.RegularFile)
        {
            handle.Dispose();
            throw Refused(full, kind);
        }
        return handle;
    }

    private static IOException Refused(string path, FileKind kind) => new(kind switch
    {
        FileKind.SymbolicLink => $"{path} is a symbolic link; DeepDsl writes only files it created in its run and sweep folders, never through a link (remove it)",
        FileKind.RegularFile => $"{path} is a file where DeepDsl keeps a folder (remove it)",
        FileKind.Folder => $"{path} is a folder where DeepDsl keeps a file (remove it)",
        _ => $"{path} is a device, FIFO or socket where DeepDsl keeps a file (remove it)",
    });
}
