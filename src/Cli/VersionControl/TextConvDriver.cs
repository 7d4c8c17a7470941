namespace DeepDsl.Cli.VersionControl;

/// <summary>
/// git's textconv driver (`diff.deepdsl.textconv`), which `git log -p` and `git show` use (they do not
/// run external diff drivers): prints a spec resolved (extends applied, defaults explicit, repeats
/// expanded), so git's text diff of two sides is a diff of the experiments. git hands it a temporary
/// copy named after the file; the copy's blob locates it in the history (the newest commit that wrote
/// it, by that file name first), and its `extends` are read at that commit. Anything that is not a
/// spec is printed as it is; a spec that does not resolve, as it is below a comment line with its first
/// error. The driver never makes git fail.
/// </summary>
internal static class TextConvDriver
{
    public static string Render(Git git, string file)
    {
        string text;
        try
        {
            text = File.ReadAllText(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "";
        }
        try
        {
            if (!SpecDetection.LooksLikeSpec(file, text)) return text;
            if (Locate(git, Path.GetFullPath(file, git.WorkingDirectory), text) is not { } side) return text;
            var compilation = side.Compile(git);
            if (compilation.Spec is { } spec) return spec.CanonicalYaml;
            // Said in the text git diffs, as the external driver says it: a reader learns why this side is not resolved.
            return $"# deepdsl: not resolved at {side.Revision} ({ResolvedSide.WhyNotResolved(git, compilation)}); the text follows\n{text}";
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            return text;
        }
    }

    private static ResolvedSide? Locate(Git git, string fullPath, string text)
    {
        if (git.RelativePath(fullPath) is { } relative && !relative.StartsWith(".git/", StringComparison.Ordinal))
            return new ResolvedSide(fullPath, text, GitRevision.WorkTree);
        var hash = git.Run("hash-object", "--no-filters", "--", fullPath);
        if (!hash.Ok) return null;
        var blob = hash.Text.Trim();
        var name = Path.GetFileName(fullPath);
        var writes = BlobHistory.Writes(git, blob);
        var write = writes.FirstOrDefault(w => Path.GetFileName(w.Path) == name) ?? writes.FirstOrDefault();
        if (write is not null) return new ResolvedSide(Path.Combine(git.WorkingDirectory, write.Path), text, GitRevision.At(write.Commit));
        var staged = git.Run("ls-files", "--stage").Text.Split('\n')
            .Select(l => (Line: l, Tab: l.IndexOf('\t')))
            .FirstOrDefault(x => x.Tab > 0 && x.Line.Split(' ').ElementAtOrDefault(1) == blob);
        return staged.Line is null ? null : new ResolvedSide(Path.Combine(git.WorkingDirectory, staged.Line[(staged.Tab + 1)..]), text, GitRevision.Index);
    }
}
