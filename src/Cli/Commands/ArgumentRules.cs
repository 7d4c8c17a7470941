using System.CommandLine;
using System.Globalization;
using DeepDsl.Training;

namespace DeepDsl.Cli.Commands;

/// <summary>
/// The ranges of the CLI's values, checked while parsing, so that a wrong value is a usage error (exit 2)
/// naming the option, never a silent nonsense result: --epochs 0, --mc-dropout 0, --sparsity NaN, --device gpu.
/// </summary>
internal static class ArgumentRules
{
    public static Option<int?> AtLeast(this Option<int?> option, int minimum)
    {
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is { } value && value < minimum)
                result.AddError($"{option.Name} must be at least {minimum}, not {value}.");
        });
        return option;
    }

    /// <summary>A count of processes or threads: at least 1, and at most what <paramref name="limit"/> says the machine can hold.</summary>
    public static Option<T> Between<T>(this Option<T> option, int minimum, (int Value, string Why) limit)
    {
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<T>() is int value && (value < minimum || value > limit.Value))
                result.AddError(value < minimum
                    ? $"{option.Name} must be at least {minimum}, not {value}."
                    : $"{option.Name} must be at most {limit.Value} ({limit.Why}), not {value}.");
        });
        return option;
    }

    /// <summary>Processes or threads on this machine: four per CPU at most (more only queue for the same cores), and never fewer than 8.</summary>
    public static (int Value, string Why) LocalCapacity => (Math.Max(8, 4 * Environment.ProcessorCount), $"four per CPU of this machine's {Environment.ProcessorCount}");

    /// <summary>Tasks of one trial on a cluster: Slurm's default MaxTasksPerNode is 512 per node; 4,096 spans eight full nodes.</summary>
    public static (int Value, string Why) ClusterCapacity => (4096, "tasks of one trial on a cluster");

    /// <summary>A fraction in [0, 1): 1 would remove everything.</summary>
    public static Option<double?> Fraction(this Option<double?> option)
    {
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<double?>() is { } value && !(value >= 0 && value < 1))
                result.AddError($"{option.Name} must be at least 0 and below 1, not {value.ToString(CultureInfo.InvariantCulture)}.");
        });
        return option;
    }

    public static Option<string?> DeviceName(this Option<string?> option)
    {
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } value && !DeviceSelection.IsDeviceName(value))
                result.AddError($"{option.Name} must be auto, cpu, cuda or cuda:N, not '{value}'.");
        });
        return option;
    }

    /// <summary>File options may not be empty strings either (`--out ''`).</summary>
    public static Option<string> NotEmpty(this Option<string> option)
    {
        option.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
                if (string.IsNullOrWhiteSpace(token.Value)) result.AddError($"{option.Name} is an empty string; name a file.");
        });
        return option;
    }

    /// <summary>File arguments may not be empty strings (a shell variable that was not set).</summary>
    public static Argument<T> NotEmpty<T>(this Argument<T> argument)
    {
        argument.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
                if (string.IsNullOrWhiteSpace(token.Value)) result.AddError($"{argument.Name} is an empty string; name a file.");
        });
        return argument;
    }
}
