using DeepDsl.Cli.Errors;
using DeepDsl.Sweeps;

namespace DeepDsl.Cli.Sweeps;

/// <summary>`--slurm-option K=V`: an sbatch option for every task of the job array, checked before anything is written.</summary>
internal static class SbatchOptionArgument
{
    /// <exception cref="UsageException">Not an option name, or a value that an #SBATCH line cannot carry.</exception>
    public static string Parse(string option)
    {
        var parts = option.Split('=', 2);
        // The name is a word of letters; the value goes through SbatchDirective, which carries anything but control characters.
        if (parts[0].Length == 0 || parts[0].Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_')) || parts.Length == 2 && !SbatchDirective.CanCarry(parts[1]))
            throw new UsageException($"--slurm-option {DeepDsl.Dsl.Diagnostics.Quoted.Bare(option)}: expected K=V with an sbatch option name and a value without control characters, e.g. partition=gpu");
        return parts.Length == 2 ? $"{parts[0]}={parts[1]}" : parts[0];
    }
}
