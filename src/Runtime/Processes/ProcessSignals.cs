using System.Diagnostics;
using System.Runtime.InteropServices;

namespace DeepDsl.Processes;

/// <summary>
/// The one way DeepDsl signals a process it started (a rank of <c>run --nproc</c>, a sweep's trial). .NET's Process offers
/// only Kill (SIGKILL), which gives a run no chance to finish its epoch's records; SIGINT and SIGTERM let it stop the way
/// Ctrl-C does, keeping its finished epochs and checkpoint. (Linux's signal numbers: the runtime runs on Linux only.)
/// </summary>
public static partial class ProcessSignals
{
    public const int Interrupt = 2;
    public const int Terminate = 15;
    public const int Continue = 18;
    public const int Stop = 19;

    /// <summary>Signals the process if it is still running; a process that already exited is not an error.</summary>
    /// <returns>Whether the signal was sent (false: the process had exited, or the kernel refused it).</returns>
    public static bool Send(Process process, int signal) => !process.HasExited && Kill(process.Id, signal) == 0;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
