using System.Globalization;

namespace DeepDsl.Distributed;

/// <summary>
/// Reads a rank's <see cref="Rendezvous"/> from its environment, so the same spec and command run on one process
/// or many. Explicit variables win: RANK, WORLD_SIZE, MASTER_ADDR, MASTER_PORT (torchrun's names; DeepDsl's own
/// launcher sets them, plus DEEPDSL_DIST_STORE_FILE). Otherwise, inside a Slurm job step (srun), SLURM_PROCID,
/// SLURM_NTASKS and the step's first node; the port is derived from the job id so that concurrent jobs sharing a
/// node do not collide. No variables, or a world of one, is a single process (null).
/// </summary>
public static class RendezvousEnvironment
{
    public const string TimeoutVariable = "DEEPDSL_DIST_TIMEOUT";
    public const string StoreFileVariable = "DEEPDSL_DIST_STORE_FILE";
    private const int DefaultPort = 29500;

    public static Rendezvous? Read() => Read(Environment.GetEnvironmentVariable);

    /// <exception cref="DistributedException">A variable is set but not usable (a rank outside the world, a port that is not one).</exception>
    public static Rendezvous? Read(Func<string, string?> variable)
    {
        var timeout = Timeout(variable(TimeoutVariable));
        var storeFile = NonEmpty(variable(StoreFileVariable));
        if (NonEmpty(variable("WORLD_SIZE")) is { } world)
        {
            var size = Integer("WORLD_SIZE", world, 1);
            if (size == 1) return null;
            var rank = Integer("RANK", NonEmpty(variable("RANK")) ?? throw Missing("RANK", "WORLD_SIZE"), 0);
            var address = NonEmpty(variable("MASTER_ADDR")) ?? (storeFile is null ? throw Missing("MASTER_ADDR", "WORLD_SIZE") : "127.0.0.1");
            var port = NonEmpty(variable("MASTER_PORT")) is { } p ? Integer("MASTER_PORT", p, 1) : DefaultPort;
            return Checked(new Rendezvous(rank, size, address, port, storeFile, timeout));
        }
        // Only a job step (srun) has SLURM_STEP_ID: the batch script itself is one process even when SLURM_NTASKS > 1.
        if (NonEmpty(variable("SLURM_STEP_ID")) is not null && NonEmpty(variable("SLURM_NTASKS")) is { } tasks)
        {
            var size = Integer("SLURM_NTASKS", tasks, 1);
            if (size == 1) return null;
            var rank = Integer("SLURM_PROCID", NonEmpty(variable("SLURM_PROCID")) ?? throw Missing("SLURM_PROCID", "SLURM_NTASKS"), 0);
            var nodes = NonEmpty(variable("SLURM_STEP_NODELIST")) ?? NonEmpty(variable("SLURM_JOB_NODELIST"))
                        ?? throw Missing("SLURM_JOB_NODELIST", "SLURM_NTASKS");
            string address;
            try
            {
                address = NonEmpty(variable("MASTER_ADDR")) ?? SlurmNodeList.FirstHost(nodes);
            }
            catch (FormatException error)
            {
                throw new DistributedException(error.Message, error);
            }
            var port = NonEmpty(variable("MASTER_PORT")) is { } p ? Integer("MASTER_PORT", p, 1)
                : NonEmpty(variable("SLURM_JOB_ID")) is { } job ? 20000 + (int)(Integer("SLURM_JOB_ID", job, 0) % 20000) : DefaultPort;
            return Checked(new Rendezvous(rank, size, address, port, storeFile, timeout));
        }
        return null;
    }

    private static Rendezvous Checked(Rendezvous r) =>
        r.Rank >= r.WorldSize ? throw new DistributedException($"rank {r.Rank} is outside a world of {r.WorldSize} ranks (ranks count from 0)")
        : r.MasterPort > 65535 ? throw new DistributedException($"MASTER_PORT {r.MasterPort} is not a TCP port (1-65535)")
        : r;

    private static TimeSpan Timeout(string? text)
    {
        if (NonEmpty(text) is not { } value) return Rendezvous.DefaultTimeout;
        if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || !(seconds > 0) || seconds > 86400)
            throw new DistributedException($"{TimeoutVariable}='{value}' is not a number of seconds between 0 and 86400");
        return TimeSpan.FromSeconds(seconds);
    }

    private static int Integer(string name, string text, int minimum) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= minimum
            ? value
            : throw new DistributedException($"{name}='{text}' is not a whole number ≥ {minimum}");

    private static DistributedException Missing(string name, string because) =>
        new($"{because} is set but {name} is not: a distributed run needs both");

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
