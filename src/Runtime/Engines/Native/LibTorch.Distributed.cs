using System.Runtime.InteropServices;
using DeepDsl.Torch;

namespace DeepDsl.Engines.Native;

/// <summary>The c10d part of the shim (distributed.cpp): stores and process groups are opaque pointers; a null one or -1 signals an error.</summary>
internal static partial class LibTorch
{
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial IntPtr dd_store_tcp(string host, int port, int worldSize, [MarshalAs(UnmanagedType.U1)] bool isServer, double timeoutSeconds);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial IntPtr dd_store_file(string path, int worldSize, double timeoutSeconds);
    [LibraryImport(Library)] internal static partial void dd_store_free(IntPtr store);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial IntPtr dd_process_group_new(IntPtr store, int rank, int worldSize, int backend, string? hostname, double timeoutSeconds);
    [LibraryImport(Library)] internal static partial void dd_process_group_free(IntPtr group);
    [LibraryImport(Library)] internal static partial int dd_all_reduce(IntPtr group, TensorHandle tensor, int op);
    [LibraryImport(Library)] internal static partial int dd_broadcast(IntPtr group, TensorHandle tensor, int root);
    [LibraryImport(Library)] internal static partial int dd_barrier(IntPtr group);
    [LibraryImport(Library)] internal static partial int dd_distributed_available();

    /// <summary>Returns the pointer, or throws the pending native error when the call returned null.</summary>
    internal static IntPtr CheckPointer(IntPtr pointer) => pointer != IntPtr.Zero ? pointer : throw TakeError();
}
