namespace DeepDsl.Runs;

/// <summary>
/// The runs under a runs folder (runs/&lt;experiment&gt;/&lt;id&gt;/), and the one way a command finds a run
/// from what a person types: a path to a run folder (or its summary.json), an experiment name (its
/// latest run), or a prefix of a run id unique among all runs (`20250101-1200`, `cifar10-selu/2025`).
/// </summary>
public static class RunCatalog
{
    public const string DefaultRoot = "runs";

    /// <summary>Every run under <paramref name="root"/>, oldest first (ids start with their UTC start time).</summary>
    public static IReadOnlyList<RunEntry> List(string root)
    {
        if (!Directory.Exists(root)) return [];
        // A folder this user may not read is no run: skipped, so one such folder does not fail the listing of every other.
        var readable = new EnumerationOptions { IgnoreInaccessible = true };
        return Directory.EnumerateDirectories(root, "*", readable)
            .SelectMany(experiment => Directory.EnumerateDirectories(experiment, "*", readable).Select(run => (Experiment: System.IO.Path.GetFileName(experiment), Run: run)))
            .Where(x => File.Exists(System.IO.Path.Combine(x.Run, RunDirectory.SpecFileName)))
            .Select(x => new RunEntry(x.Experiment, System.IO.Path.GetFileName(x.Run), new RunDirectory(x.Run)))
            .OrderBy(e => e.Id, StringComparer.Ordinal).ThenBy(e => e.Experiment, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The run <paramref name="reference"/> names, or a FileNotFoundException saying what there is.</summary>
    public static RunDirectory Find(string reference, string root = DefaultRoot)
    {
        if (Directory.Exists(reference) || File.Exists(reference)) return RunDirectory.Open(reference);
        var runs = List(root);
        var latest = runs.LastOrDefault(r => r.Experiment == reference);
        if (latest is not null) return latest.Run;
        var matches = runs.Where(r => r.Id.StartsWith(reference, StringComparison.Ordinal) || r.Name.StartsWith(reference, StringComparison.Ordinal)).ToList();
        if (matches.Count == 1) return matches[0].Run;
        var folder = System.IO.Path.GetFullPath(root);
        if (matches.Count > 1)
            throw new FileNotFoundException($"'{reference}' matches {matches.Count} runs under {folder}: {string.Join(", ", matches.Take(5).Select(m => m.Name))}{(matches.Count > 5 ? ", …" : "")}; give more of the id.");
        var experiments = runs.Select(r => r.Experiment).Distinct().Order(StringComparer.Ordinal).ToList();
        throw new FileNotFoundException(
            $"no run '{reference}': not a run folder, nor an experiment or run id under {folder}" +
            (experiments.Count == 0 ? " (there are no runs)." : $" (experiments: {string.Join(", ", experiments.Take(10))}{(experiments.Count > 10 ? ", …" : "")})."));
    }
}
