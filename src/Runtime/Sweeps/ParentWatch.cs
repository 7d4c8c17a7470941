using System.Globalization;
using System.Runtime.InteropServices;

namespace DeepDsl.Sweeps;

/// <summary>
/// A local trial dies with its sweep: the sweep command names itself in <see cref="Variable"/> when it starts a trial, and
/// the trial (`deepdsl run`) checks a few times a second that its parent is still that process. Once it is not — the sweep
/// was killed, even with SIGKILL, and the trial was handed to init or a subreaper — the trial stops as Ctrl-C stops it:
/// at the end of its batch, with status "interrupted" and its checkpoint kept, so the next sweep command resumes it.
/// Why a watchdog rather than prctl(PR_SET_PDEATHSIG): that signal fires when the parent *thread* that forked the child
/// exits, not the parent process, and .NET may start processes from a thread-pool thread that it retires when idle —
/// which would stop healthy trials; it also misses a parent that died before the child's prctl ran, which comparing
/// getppid with the pid the sweep wrote down catches. A process started through taskset is the same process (taskset
/// execs), so its parent is still the sweep.
/// </summary>
public static partial class ParentWatch
{
    public const string Variable = "DEEPDSL_SWEEP_PARENT";

    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    /// <summary>Cancels <paramref name="stop"/> once the sweep that started this process is gone; nothing outside a local sweep's trial.</summary>
    public static IDisposable? Start(CancellationTokenSource stop)
    {
        if (OperatingSystem.IsWindows() || !int.TryParse(Environment.GetEnvironmentVariable(Variable), NumberStyles.None, CultureInfo.InvariantCulture, out var sweep))
            return null;
        // Not for this process's own children (the ranks of `--nproc`): their parent is this process, and it watches for them.
        Environment.SetEnvironmentVariable(Variable, null);
        Timer? timer = null;
        timer = new Timer(_ =>
        {
            if (getppid() == sweep) return;
            timer?.Change(Timeout.Infinite, Timeout.Infinite);
            System.Console.Error.WriteLine($"deepdsl: the sweep that started this trial (process {sweep}) is gone; stopping at the end of the batch");
            try
            {
                stop.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // the run ended while the sweep went away: nothing left to stop
            }
        }, null, TimeSpan.Zero, Interval);
        return timer;
    }

    [LibraryImport("libc", EntryPoint = "getppid")]
    private static partial int getppid();
}
