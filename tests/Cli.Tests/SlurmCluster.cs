using System.Diagnostics;

namespace DeepDsl.Cli.Tests;

/// <summary>
/// A real one-node Slurm cluster on this host, brought up by <c>scripts/slurm-local.sh up</c> once per
/// test run and taken down after the last test of the "slurm" collection. A cluster that was already up
/// (a developer started it by hand) is used and left running.
/// </summary>
public sealed class SlurmCluster : IDisposable
{
    private static readonly string Script = Path.Combine(Repository.Root, "scripts", "slurm-local.sh");
    private readonly bool startedHere;

    public SlurmCluster()
    {
        startedHere = Bash($"\"{Script}\" status", Repository.Root, new Dictionary<string, string>(), 30).Exit != 0;
        var up = Bash($"\"{Script}\" up", Repository.Root, new Dictionary<string, string>(), 600);
        if (up.Exit != 0) throw new InvalidOperationException($"scripts/slurm-local.sh up failed:\n{up}");
        SlurmConf = up.Output.Split('\n').Select(line => line.Trim())
            .Where(line => line.StartsWith("export SLURM_CONF=", StringComparison.Ordinal))
            .Select(line => line["export SLURM_CONF=".Length..]).LastOrDefault();
        Environment = SlurmConf is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["SLURM_CONF"] = SlurmConf };
    }

    /// <summary>The slurm.conf Slurm's commands must be pointed at (Debian's default, /etc/slurm, has none).</summary>
    public string? SlurmConf { get; }

    /// <summary>What a process needs in its environment to talk to this cluster (for <c>deepdsl</c> under test, too).</summary>
    public IReadOnlyDictionary<string, string> Environment { get; }

    /// <summary>Runs a bash command line with the cluster's environment, e.g. <c>sbatch --wait job.sh</c>.</summary>
    public DeepDslProcess.Result Run(string command, string workingDirectory, int timeoutSeconds = 60) =>
        Bash(command, workingDirectory, Environment, timeoutSeconds);

    /// <summary>The last lines of the controller's and the node daemon's logs, for a failing test's message.</summary>
    public string LogTails() =>
        Run("tail -n 20 \"$(dirname \"$SLURM_CONF\")\"/../log/slurmctld.log \"$(dirname \"$SLURM_CONF\")\"/../log/slurmd.log", Repository.Root).Output;

    public void Dispose()
    {
        if (startedHere) Bash($"\"{Script}\" down", Repository.Root, Environment, 60);
    }

    private static DeepDslProcess.Result Bash(string command, string workingDirectory, IReadOnlyDictionary<string, string> environment, int timeoutSeconds)
    {
        var start = new ProcessStartInfo("bash") { WorkingDirectory = workingDirectory };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(command);
        foreach (var (key, value) in environment) start.Environment[key] = value;
        return DeepDslProcess.Run(start, $"`{command}`", timeoutSeconds);
    }
}
