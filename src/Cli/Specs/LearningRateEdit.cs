using System.Globalization;
using DeepDsl.Dsl.Model;

namespace DeepDsl.Cli.Specs;

/// <summary>
/// Puts a learning rate found by lr-find into the spec file, at the value that governs training: 1cycle's
/// <c>max_lr</c> when the schedule is one_cycle (the optimizer's own rate is then overwritten every step),
/// else the optimizer's <c>learning_rate</c>. The number is replaced where the source map says it was
/// written, so comments, order and the rest of the file stay as they are; a rate inherited through
/// <c>extends</c> or left at its default is not guessed at but named, so the user decides which file changes.
/// </summary>
internal static class LearningRateEdit
{
    /// <summary>The key path of the rate that training follows.</summary>
    public static string GoverningPath(ExperimentSpec spec) =>
        spec.Training.Schedule is { Kind: "one_cycle" }
            ? "training.schedule.one_cycle.max_lr"
            : $"training.optimizer.{spec.Training.Optimizer.Kind}.learning_rate";

    /// <summary>Writes <paramref name="rate"/> into <paramref name="path"/>; returns the key written, or null after printing why it could not.</summary>
    public static string? Write(string path, double rate)
    {
        var compilation = SpecFiles.Compile(path);
        var spec = compilation.Spec ?? throw new InvalidOperationException("lr-find ran on a spec that did not compile");
        var key = GoverningPath(spec);
        var location = spec.Sources[key];
        var full = Path.GetFullPath(path);
        var text = SpecFiles.ReadText(path);
        var written = location.Length > 0 && location.Start + location.Length <= text.Length
            ? text.Substring(location.Start, location.Length)
            : "";
        if (location.File != full || !double.TryParse(written, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            var where = location.File == full ? "is not written in this file" : $"comes from {location}";
            System.Console.Error.WriteLine($"{path}: cannot write the rate: {key} {where}; set it in {path} first, then run lr-find --write again");
            return null;
        }
        var replacement = rate.ToString("0.###e+0", CultureInfo.InvariantCulture);
        IO.AtomicFile.WriteAllText(path, text.Substring(0, location.Start) + replacement + text.Substring(location.Start + location.Length));
        return key;
    }
}
