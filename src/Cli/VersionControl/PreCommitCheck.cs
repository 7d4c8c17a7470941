using DeepDsl.Cli.Specs;
using DeepDsl.Dsl.Diagnostics;
using DeepDsl.Dsl.Formatting;

namespace DeepDsl.Cli.VersionControl;

/// <summary>
/// `deepdsl git hook`: what a pre-commit hook runs. Without files it checks the staged specs as staged
/// (their text and their `extends` chain from the index, so an unstaged fix does not hide a problem);
/// with files (the pre-commit framework passes them, after stashing unstaged changes) it checks
/// those files. Each spec must validate without errors and be formatted (`fmt --check`).
/// </summary>
internal static class PreCommitCheck
{
    public static int Run(Git git, IReadOnlyList<string> files, TextWriter output)
    {
        var sides = files.Count > 0 ? FromWorkTree(git, files) : Staged(git);
        var failed = false;
        foreach (var side in sides.Where(s => SpecDetection.LooksLikeSpec(s.SpecPath, s.Text)))
        {
            var compilation = side.Compile(git);
            foreach (var d in compilation.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning)) output.WriteLine(d);
            failed |= compilation.HasErrors;
            var relative = git.RelativePath(side.SpecPath) ?? side.SpecPath;
            var formatted = SpecFormatter.Format(side.SpecPath, side.Text, new List<DslDiagnostic>());
            if (formatted is not null && formatted != side.Text)
            {
                output.WriteLine($"{relative}: not formatted (run deepdsl fmt {relative})");
                failed = true;
            }
        }
        return failed ? ExitCodes.Failed : ExitCodes.Ok;
    }

    private static IEnumerable<ResolvedSide> FromWorkTree(Git git, IReadOnlyList<string> files) =>
        files.Where(SpecDetection.IsYaml).Select(f => Path.GetFullPath(f))
            // git commits a symbolic link, not what it points at: what is committed is no spec.
            .Where(f => IO.PathGuard.KindOf(f) != IO.FileKind.SymbolicLink)
            .Select(f => new ResolvedSide(f, ReadGuarded(f), GitRevision.WorkTree));

    /// <summary>A regular file within the size cap (never a FIFO that would block the hook); else one error naming it.</summary>
    private static string ReadGuarded(string file)
    {
        var read = ProjectFileSystem.Instance.Read(file);
        return read.Text ?? throw new IOException($"{file}: {read.Problem}");
    }

    private static IEnumerable<ResolvedSide> Staged(Git git) =>
        git.Run("diff", "--cached", "--name-only", "--no-renames", "--diff-filter=ACMR", "-z").Text
            .Split('\0', StringSplitOptions.RemoveEmptyEntries)
            .Where(SpecDetection.IsYaml)
            .Select(f => new ResolvedSide(Path.Combine(git.WorkingDirectory, f), git.Run("cat-file", "blob", $":{f}").Text, GitRevision.Index));
}
