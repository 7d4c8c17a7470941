using System.Diagnostics;

namespace DeepDsl.Cli.Sweeps;

/// <summary>
/// Starts one trial as its own `deepdsl run` process — libtorch on one thread, output appended to the trial's log — in its
/// exact run folder, which it resumes if it holds a checkpoint. It stops by itself if this process dies (<see cref="ParentWatch"/>).
/// </summary>
internal static class TrialProcess
{
    public static IReadOnlyList<string> Arguments(SweepFolder folder, string hash, bool asha, int ranks = 1) =>
    [
        .. SelfCommand.Prefix(), "run", folder.TrialSpec(hash), "--run-folder", folder.TrialRun(hash), .. asha ? new[] { "--sweep", folder.Path } : [],
        .. ranks > 1 ? new[] { "--nproc", ranks.ToString(System.Globalization.CultureInfo.InvariantCulture) } : [],
    ];

    /// <summary>
    /// The environment every trial runs with, locally or under Slurm: one thread each (the engine applies it to libtorch
    /// and OpenBLAS alike, Torch/CpuThreads), so N trials fill N cores whatever the caller's OMP_NUM_THREADS says.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Environment(string hash) => new Dictionary<string, string>
    {
        [DeepDsl.Torch.CpuThreads.Variable] = "1",
        [DeepDsl.Sweeps.AshaRungs.TrialVariable] = hash,
        ["NO_COLOR"] = "1",
    };

    /// <param name="launcher">A command the trial runs under (taskset pinning it to its CPUs), or empty.</param>
    public static Process Start(SweepFolder folder, string hash, bool asha, int ranks, IReadOnlyList<string> launcher)
    {
        var arguments = launcher.Concat(Arguments(folder, hash, asha, ranks)).ToList();
        var start = new ProcessStartInfo(arguments[0]) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var argument in arguments.Skip(1)) start.ArgumentList.Add(argument);
        foreach (var (key, value) in Environment(hash)) start.Environment[key] = value;
        start.Environment[ParentWatch.Variable] = System.Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var process = Process.Start(start)!;
        process.StandardInput.Close();
        var log = new StreamWriter(folder.Owned.OpenAppend(folder.TrialLog(hash))) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.Exited += (_, _) => { process.WaitForExit(); lock (log) log.Dispose(); };
        process.EnableRaisingEvents = true;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>Asks a trial to stop as Ctrl-C would (it keeps its finished epochs and checkpoint).</summary>
    public static void Interrupt(Process process)
    {
        if (process.HasExited) return;
        using var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) } });
        kill?.WaitForExit();
    }
}
