using System.Runtime.InteropServices;

namespace DeepDsl.Cli.Distributed;

/// <summary>
/// Sends POSIX signals to child processes. .NET's Process offers only Kill (SIGKILL), which gives a rank no chance
/// to finish its epoch's records; SIGINT and SIGTERM let it stop the way Ctrl-C does.
/// </summary>
internal static class ProcessSignals
{
    public const int Interrupt = 2;
    public const int Terminate = 15;

    /// <summary>Signals the process if it is still running; a process that already exited is not an error.</summary>
    public static void Send(System.Diagnostics.Process process, int signal)
    {
        if (!process.HasExited) _ = kill(process.Id, signal);
    }

    // A plain DllImport: the arguments are blittable, and LibraryImport would need unsafe code in this project.
    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int signal);
}
