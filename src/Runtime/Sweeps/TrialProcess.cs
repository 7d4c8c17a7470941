using System.Diagnostics;
using DeepDsl.Processes;

namespace DeepDsl.Sweeps;

/// <summary>
/// One trial as its own `deepdsl run` process — libtorch on one thread, output appended to the trial's log — in its exact
/// run folder, which it resumes if it holds a checkpoint. Its command line is declared once (<see cref="Arguments"/>):
/// started here by the local executor, written into the batch script by the Slurm executor. A trial started here stops by
/// itself if this process dies (<see cref="ParentWatch"/>).
/// </summary>
public static class TrialProcess
{
    /// <summary>
    /// `deepdsl run SPEC --run-folder RUN [--sweep FOLDER] [--nproc N]`. <paramref name="spec"/> and <paramref name="run"/>
    /// are words: the trial's paths (<see cref="SweepFolder.TrialSpec"/>, <see cref="SweepFolder.TrialRun"/>) for a process
    /// started here, or shell variables (<see cref="ShellWord.Variable"/>) where a script picks the trial.
    /// </summary>
    /// <param name="nproc">Ranks the trial starts itself (`--nproc`); 1 where a launcher (srun) starts the ranks.</param>
    public static IReadOnlyList<string> Arguments(SweepSession session, string spec, string run, int nproc) =>
    [
        .. session.Deepdsl.Words, "run", spec, "--run-folder", run,
        .. session.Sweep.EarlyTerminate is not null ? new[] { "--sweep", session.Folder.Path } : [],
        .. nproc > 1 ? new[] { "--nproc", nproc.ToString(System.Globalization.CultureInfo.InvariantCulture) } : [],
    ];

    /// <summary>
    /// The environment every trial runs with, locally or under Slurm: one thread each (the engine applies it to libtorch
    /// and OpenBLAS alike, Torch/CpuThreads), so N trials fill N cores whatever the caller's OMP_NUM_THREADS says.
    /// </summary>
    /// <param name="hash">The trial's hash, or the shell variable that holds it (<see cref="ShellWord.Variable"/>) in a script.</param>
    public static IReadOnlyDictionary<string, string> Environment(string hash) => new Dictionary<string, string>
    {
        [DeepDsl.Torch.CpuThreads.Variable] = "1",
        [AshaRungs.TrialVariable] = hash,
        ["NO_COLOR"] = "1",
    };

    /// <param name="launcher">A command the trial runs under (taskset pinning it to its CPUs), or empty.</param>
    public static Process Start(SweepSession session, string hash, int ranks, IReadOnlyList<string> launcher)
    {
        var folder = session.Folder;
        var start = ProcessStart.Of([.. launcher, .. Arguments(session, folder.TrialSpec(hash), folder.TrialRun(hash), ranks)]);
        start.RedirectStandardOutput = start.RedirectStandardError = start.RedirectStandardInput = true;
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
}
