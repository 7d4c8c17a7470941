using System.Diagnostics;
using System.Runtime.InteropServices;

namespace DeepDsl.Processes;

/// <summary>
/// The one way DeepDsl signals a process it started (a rank of <c>run --nproc</c>, a sweep's trial). .NET's Process offers
/// only Kill (SIGKILL), which gives a run no chance to finish its epoch's records; SIGINT and SIGTERM let it stop the way
/// Ctrl-C does, keeping its finished epochs and checkpoint.
/// </summary>
public static class ProcessSignals
{
    public const int Interrupt = 2;
    public const int Terminate = 15;

    /// <summary>Signals the process if it is still running; a process that already exited is not an error.</summary>
    public static void Send(Process process, int signal)
    {
        if (!process.HasExited) _ = kill(process.Id, signal);
    }

    // A plain DllImport: the arguments are blittable, and LibraryImport would need unsafe code.
    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int signal);
}
