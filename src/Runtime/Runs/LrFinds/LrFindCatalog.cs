namespace DeepDsl.Runs.LrFinds;

/// <summary>The learning-rate sweeps recorded under a runs folder, runs/&lt;experiment&gt;/lr-find/&lt;id&gt;/.</summary>
public static class LrFindCatalog
{
    /// <summary>Every record under <paramref name="root"/> holding an lr_find.json, oldest first (ids start with their UTC start time).</summary>
    public static IReadOnlyList<LrFindEntry> List(string root)
    {
        if (!Directory.Exists(root)) return [];
        // As RunCatalog: a folder this user may not read is skipped, not a failure of the whole list.
        var readable = new EnumerationOptions { IgnoreInaccessible = true };
        return Directory.EnumerateDirectories(root, "*", readable)
            .Select(experiment => (Experiment: experiment, Sweeps: Path.Combine(experiment, LrFindDirectory.FolderName)))
            .Where(x => Directory.Exists(x.Sweeps))
            .SelectMany(x => Directory.EnumerateDirectories(x.Sweeps, "*", readable).Select(record => (Experiment: Path.GetFileName(x.Experiment), Record: record)))
            // A name starting with a dot is a record still being filled (PathGuard.CreateFolderInside), not one yet.
            .Where(x => !Path.GetFileName(x.Record).StartsWith('.') && File.Exists(Path.Combine(x.Record, LrFindDirectory.SummaryFileName)))
            .Select(x => new LrFindEntry(x.Experiment, Path.GetFileName(x.Record), new LrFindDirectory(x.Record)))
            .OrderBy(e => e.Id, StringComparer.Ordinal).ThenBy(e => e.Experiment, StringComparer.Ordinal)
            .ToList();
    }
}
