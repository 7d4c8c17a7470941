using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace DeepDsl.IO;

/// <summary>
/// The few libc calls .NET does not expose: what kind of file a name is (.NET reports devices and FIFOs as plain files),
/// and opening a file without following a link (O_NOFOLLOW), which is what keeps a planted link from turning DeepDsl's
/// own writes and locks into writes elsewhere. statx is used because its layout is the same on every Linux architecture.
/// </summary>
internal static partial class UnixFiles
{
    private const int AtCurrentFolder = -100, AtSymlinkNoFollow = 0x100, AtEmptyPath = 0x1000;
    private const uint StatxType = 0x1, StatxInode = 0x100, StatxSize = 0x200;
    private const int ModeOffset = 28, InodeOffset = 32, SizeOffset = 40, DeviceMajorOffset = 136, DeviceMinorOffset = 140, StatxBytes = 256;
    private const int FormatMask = 0xF000, Regular = 0x8000, Folder = 0x4000, Link = 0xA000;

    public const int ReadWrite = 2, WriteOnly = 1, Create = 0x40, Append = 0x400, NonBlocking = 0x800, CloseOnExec = 0x80000;

    /// <summary>O_NOFOLLOW, whose value differs between architectures (0 where unknown: the kind check before the open is then the guard).</summary>
    public static int NoFollow => RuntimeInformation.ProcessArchitecture switch
    {
        Architecture.X64 or Architecture.X86 => 0x20000,
        Architecture.Arm64 or Architecture.Arm => 0x8000,
        _ => 0,
    };

    public static bool Available => OperatingSystem.IsLinux();

    [LibraryImport("libc", EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static unsafe partial int Statx(int folder, string path, int flags, uint mask, byte* buffer);

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags, int mode);

    [LibraryImport("libc", EntryPoint = "flock", SetLastError = true)]
    private static partial int Flock(int fd, int operation);

    /// <summary>The kind of <paramref name="path"/> itself (a link is reported as a link) and its size.</summary>
    public static unsafe (FileKind Kind, long Size) Examine(string path)
    {
        var buffer = stackalloc byte[StatxBytes];
        if (!Stat(AtCurrentFolder, path, AtSymlinkNoFollow, StatxType | StatxSize, buffer)) return (FileKind.Missing, 0);
        return (KindOf(*(ushort*)(buffer + ModeOffset)), *(long*)(buffer + SizeOffset));
    }

    /// <summary>The kind of the file an open handle refers to.</summary>
    public static unsafe FileKind KindOf(SafeFileHandle handle)
    {
        var buffer = stackalloc byte[StatxBytes];
        var fd = (int)handle.DangerousGetHandle();
        return Stat(fd, "", AtEmptyPath, StatxType, buffer) ? KindOf(*(ushort*)(buffer + ModeOffset)) : FileKind.Missing;
    }

    /// <summary>Which file <paramref name="path"/> itself is (device and inode, a link not followed), or null when there is none.</summary>
    public static unsafe (ulong Inode, uint Major, uint Minor)? IdentityOf(string path)
    {
        var buffer = stackalloc byte[StatxBytes];
        return Stat(AtCurrentFolder, path, AtSymlinkNoFollow, StatxType | StatxInode, buffer) ? Identity(buffer) : null;
    }

    /// <summary>Which file an open handle refers to (device and inode), or null when it cannot be told.</summary>
    public static unsafe (ulong Inode, uint Major, uint Minor)? IdentityOf(SafeFileHandle handle)
    {
        var buffer = stackalloc byte[StatxBytes];
        return Stat((int)handle.DangerousGetHandle(), "", AtEmptyPath, StatxType | StatxInode, buffer) ? Identity(buffer) : null;
    }

    private const int NoSuchEntry = 2, Interrupted = 4, NotAFolder = 20;

    /// <summary>
    /// statx on a name: true when it answered, false when the name does not exist (ENOENT, or ENOTDIR for a component that is
    /// a file). Any other failure is not "missing" — taking it for one made an existing data file "not exist" — so it is an
    /// error naming the path and the system's reason; an interrupted call is asked again.
    /// </summary>
    private static unsafe bool Stat(int folder, string path, int flags, uint mask, byte* buffer)
    {
        while (true)
        {
            if (Statx(folder, path, flags, mask, buffer) == 0) return true;
            var error = Marshal.GetLastPInvokeError();
            if (error is NoSuchEntry or NotAFolder) return false;
            if (error != Interrupted) throw new IOException($"{path}: {Marshal.GetPInvokeErrorMessage(error)} (statx, errno {error})");
        }
    }

    private static unsafe (ulong, uint, uint) Identity(byte* buffer) =>
        (*(ulong*)(buffer + InodeOffset), *(uint*)(buffer + DeviceMajorOffset), *(uint*)(buffer + DeviceMinorOffset));

    private static FileKind KindOf(ushort mode) => (mode & FormatMask) switch
    {
        Regular => FileKind.RegularFile,
        Folder => FileKind.Folder,
        Link => FileKind.SymbolicLink,
        _ => FileKind.Special,
    };

    /// <summary>Opens (creating it, mode 0644, if asked) without following a final symbolic link; a negative result is -errno.</summary>
    public static SafeFileHandle? OpenNoFollow(string path, int flags, out int error)
    {
        var fd = Open(path, flags | NoFollow | NonBlocking | CloseOnExec, 0b110_100_100);
        error = fd < 0 ? Marshal.GetLastPInvokeError() : 0;
        return fd < 0 ? null : new SafeFileHandle(fd, ownsHandle: true);
    }

    /// <summary>Takes an exclusive lock without waiting (flock LOCK_EX | LOCK_NB): false when another holds it.</summary>
    public static bool TryLockExclusive(SafeFileHandle handle) => Flock((int)handle.DangerousGetHandle(), 2 | 4) == 0;

    public const int ErrorLoop = 40; // ELOOP: the final name was a symbolic link
}
