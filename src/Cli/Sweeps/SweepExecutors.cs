using System.CommandLine;
using DeepDsl.Cli.Commands;
using DeepDsl.Cli.Errors;
using DeepDsl.Dsl.Registry;
using DeepDsl.Sweeps;

namespace DeepDsl.Cli.Sweeps;

/// <summary>
/// `deepdsl sweep --executor NAME`: each executor by its name, built from the options that it alone takes (the others'
/// are not read). The one table the option's accepted values and the dispatch both read.
/// </summary>
internal sealed class SweepExecutors
{
    public Option<int?> Parallel { get; } = new Option<int?>("--parallel") { Description = "Trials at a time (local: default 1; slurm: the array's limit)" }.Between(1, (DeepDsl.Dsl.Sweeps.SweepReader.MaxTrials, "a sweep's most trials"));

    public Option<int> Ranks { get; } = new Option<int>("--tasks-per-trial") { Description = "Processes per trial: each trial trains data-parallel on N ranks (local: --nproc N; slurm: srun -n N)", DefaultValueFactory = _ => 1 }.Between(1, ArgumentRules.ClusterCapacity);

    public Option<bool> Wait { get; } = new("--wait") { Description = "slurm: wait for the job array, retry failed trials once, then report" };

    public Option<string[]> SbatchOptions { get; } = new("--slurm-option") { Description = "slurm: an sbatch option for every task, K=V (partition=gpu, time=02:00:00, gres=gpu:1)", AllowMultipleArgumentsPerToken = false };

    public Option<string> Name { get; }

    private readonly IReadOnlyDictionary<string, Func<ParseResult, ITrialExecutor>> byName;

    public SweepExecutors()
    {
        byName = new Dictionary<string, Func<ParseResult, ITrialExecutor>>
        {
            ["local"] = parse =>
            {
                // Slurm's options mean nothing here: refused by name rather than silently dropped.
                foreach (var slurmOnly in new Option[] { SbatchOptions, Wait })
                    if (parse.GetResult(slurmOnly) is { Implicit: false })
                        throw new UsageException($"{slurmOnly.Name} is an option of --executor slurm; the local executor cannot take it.");
                return new LocalExecutor(new LocalExecutorOptions(parse.GetValue(Parallel) ?? 1, LocalRanks(parse.GetValue(Ranks))));
            },
            ["slurm"] = parse => new SlurmExecutor(new SlurmExecutorOptions(parse.GetValue(Parallel), parse.GetValue(Ranks),
                (parse.GetValue(SbatchOptions) ?? []).Select(SbatchOptionArgument.Parse).ToList(), parse.GetValue(Wait))),
        };
        Name = new Option<string>("--executor") { Description = "local (processes here) or slurm (a job array)", DefaultValueFactory = _ => "local" }.AcceptOnlyFromAmong([.. byName.Keys]);
    }

    /// <summary>The executor the command line names, with its options checked (a usage error for one it cannot take).</summary>
    public ITrialExecutor Create(ParseResult parse) =>
        byName.TryGetValue(parse.GetValue(Name)!, out var create) ? create(parse) : throw new UnknownKindException("sweep executor", parse.GetValue(Name)!, nameof(SweepExecutors));

    private static int LocalRanks(int ranks) => ranks <= ArgumentRules.LocalCapacity.Value ? ranks
        : throw new UsageException($"--tasks-per-trial must be at most {ArgumentRules.LocalCapacity.Value} ({ArgumentRules.LocalCapacity.Why}) with the local executor, not {ranks}.");
}
