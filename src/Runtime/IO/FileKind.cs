namespace DeepDsl.IO;

/// <summary>What a name in the file system is, seen without following it when it is a symbolic link.</summary>
public enum FileKind
{
    Missing,
    RegularFile,
    Folder,
    SymbolicLink,

    /// <summary>A device node, a FIFO or a socket: never read whole, never replaced.</summary>
    Special,
}
