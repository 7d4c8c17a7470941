namespace DeepDsl.Cli.VersionControl;

/// <summary>
/// `deepdsl git install`: the `deepdsl` diff driver in the repository's own config (semantic diff for
/// `git diff`, resolved text for `git log -p`/`git show`), and `.gitattributes` lines that give the
/// experiment folders that driver. Running it again changes nothing.
/// </summary>
internal static class GitSetup
{
    public const string Driver = "deepdsl";

    public static IReadOnlyList<string> Install(Git git, IReadOnlyList<string> patterns)
    {
        var done = new List<string>();
        var self = SelfInvocation.CommandLine();
        foreach (var (key, value) in new[]
                 {
                     ($"diff.{Driver}.command", $"{self} git diff-driver"),
                     ($"diff.{Driver}.textconv", $"{self} git textconv"),
                 })
        {
            var set = git.Run("config", "--local", key, value);
            if (!set.Ok) throw new InvalidOperationException($"git config {key} failed: {set.Error.Trim()}");
            done.Add($"git config --local {key} \"{value}\"");
        }

        var attributes = Path.Combine(git.WorkingDirectory, ".gitattributes");
        var existing = File.Exists(attributes) ? File.ReadAllLines(attributes).Select(l => l.Trim()).ToHashSet() : [];
        var added = (patterns.Count > 0 ? patterns : ExperimentFolderPatterns(git))
            .Select(p => $"{p} diff={Driver}").Where(line => !existing.Contains(line)).ToList();
        if (added.Count > 0)
        {
            var text = File.Exists(attributes) ? File.ReadAllText(attributes) : "";
            if (text.Length > 0 && !text.EndsWith('\n')) text += "\n";
            IO.AtomicFile.WriteAllText(attributes, text + string.Join("\n", added) + "\n");
            done.AddRange(added.Select(l => $".gitattributes: {l}"));
        }
        return done;
    }

    /// <summary>`folder/**/*.yaml` for each outermost folder holding a spec (tracked or not ignored); `experiments/**/*.yaml` when there is none yet.</summary>
    public static IReadOnlyList<string> ExperimentFolderPatterns(Git git)
    {
        var files = git.Run("ls-files", "--cached", "--others", "--exclude-standard", "--", "*.yaml", "*.yml").Text
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(f => SpecDetection.LooksLikeSpec(f, ReadOrEmpty(Path.Combine(git.WorkingDirectory, f))))
            .ToList();
        var folders = files.Select(f => (Folder: Path.GetDirectoryName(f)!.Replace('\\', '/'), Extension: Path.GetExtension(f)))
            .Distinct().OrderBy(x => x.Folder.Length).ToList();
        var kept = new List<(string Folder, string Extension)>();
        foreach (var x in folders)
            if (!kept.Any(k => k.Extension == x.Extension && (k.Folder.Length == 0 || x.Folder == k.Folder || x.Folder.StartsWith(k.Folder + "/", StringComparison.Ordinal))))
                kept.Add(x);
        return kept.Count == 0 ? ["experiments/**/*.yaml"] : kept.Select(k => k.Folder.Length == 0 ? $"*{k.Extension}" : $"{k.Folder}/**/*{k.Extension}").ToList();
    }

    private static string ReadOrEmpty(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }
}
