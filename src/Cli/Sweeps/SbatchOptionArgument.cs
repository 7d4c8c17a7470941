using DeepDsl.Cli.Errors;
using DeepDsl.Sweeps;

namespace DeepDsl.Cli.Sweeps;

/// <summary>`--slurm-option K=V` (or `K`): an sbatch option for every task of the job array, checked before anything is written.</summary>
internal static class SbatchOptionArgument
{
    /// <exception cref="UsageException">Not an option name, or a value that an #SBATCH line cannot carry (<see cref="SbatchDirective"/>'s refusal).</exception>
    public static SbatchOption Parse(string option)
    {
        var parts = option.Split('=', 2);
        var parsed = new SbatchOption(parts[0], parts.Length == 2 ? parts[1] : null);
        try
        {
            SbatchDirective.Line(parsed.Name, parsed.Value, SlurmExecutor.SbatchOptionSource);
        }
        catch (IOException)
        {
            throw new UsageException($"--slurm-option {DeepDsl.Dsl.Diagnostics.Quoted.Bare(option)}: expected K=V with an sbatch option name and a value without control characters, e.g. partition=gpu");
        }
        return parsed;
    }
}
