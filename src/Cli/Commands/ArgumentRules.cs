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
