using DeepDsl.Cli.Console;
using DeepDsl.Distributed;
using DeepDsl.Experiments;
using DeepDsl.Runs;
using DeepDsl.Training;

namespace DeepDsl.Cli.Distributed;

/// <summary>
/// `deepdsl run` as one rank of several, when the environment says so (the local launcher, torchrun's variables, or
/// srun): joins the group, then trains. Rank 0 reports as a single process does; the other ranks train silently,
/// since everything they would print rank 0 prints too.
/// </summary>
internal static class RankedRun
{
    public static int Run(IExperiment experiment, RunOptions options, int? nproc, CancellationToken token, LiveDisplay? display = null,
        IReadOnlyList<ITrainingCallback>? callbacks = null)
    {
        var rendezvous = RendezvousEnvironment.Read();
        if ((rendezvous is not null || nproc > 1) && Engines.Engine.CollectivesMissing() is { } missing) throw new DistributedException(missing);
        if (rendezvous is null)
            return nproc > 1 ? LocalLauncher.Run(nproc.Value, token) : RunReporter.Run(experiment, options, token, display, callbacks);
        if (nproc is { } n && n != rendezvous.WorldSize)
            throw new DistributedException($"--nproc {n} disagrees with the {rendezvous.WorldSize} ranks this process was started among");
        var device = DeviceSelection.Resolve(options.Device ?? experiment.Training.Device);
        using var group = ProcessGroup.Join(rendezvous, device);
        options = options with { Parallel = new DataParallel(group) };
        if (rendezvous.Rank == 0) return RunReporter.Run(experiment, options, token, display, callbacks);
        var result = ExperimentRun.Start(experiment, options, TextWriter.Null, callbacks, token);
        return RunReport.ExitCode(result.Summary);
    }
}
