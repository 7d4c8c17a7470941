using System.Globalization;
using DeepDsl.Dsl;

namespace DeepDsl.Cli.Sweeps;

/// <summary>`deepdsl sweep --dry-run`: each trial's index, whole spec hash (it names the trial's files: trials/&lt;hash&gt;.yaml, trials/&lt;hash&gt;/) and values.</summary>
internal static class TrialListing
{
    public static void Write(SpecCompilation compilation, TextWriter output)
    {
        foreach (var trial in compilation.Trials)
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{trial.Index,4}  {trial.Spec.ContentHash}  {TerminalText.Escape(trial.Describe())}"));
        output.WriteLine($"{compilation.Trials.Count} trials");
    }
}
