using DeepDsl.Cli.Errors;
using DeepDsl.Processes;

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
        var self = SelfInvocation.Current();
        foreach (var (key, value) in new[] { ($"diff.{Driver}.command", DiffCommand(self)), ($"diff.{Driver}.textconv", TextConvCommand(self)) })
        {
            var set = git.Run("config", "--local", key, value);
            if (!set.Ok) throw new IOException($"git config {key} failed: {set.Error.Trim()}");
            done.Add($"git config --local {key} {ShellWord.Quote(value)}");
        }
        if (self.Command == SelfInvocation.CommandName && !SelfInvocation.IsOnPath(SelfInvocation.CommandName))
            done.Add("note: deepdsl is not on PATH; git shows plain text diffs until it is (add ~/.dotnet/tools to PATH)");

        var attributes = Path.Combine(git.WorkingDirectory, ".gitattributes");
        var existing = File.Exists(attributes) ? File.ReadAllLines(attributes).Select(l => l.Trim()).ToHashSet() : [];
        var lines = new List<string>();
        foreach (var pattern in patterns.Count > 0 ? patterns : ExperimentFolderPatterns(git))
        {
            try
            {
                lines.Add(GitAttributesPattern.Line(pattern, $"diff={Driver}"));
            }
            catch (ArgumentException refused) when (patterns.Count > 0)
            {
                throw new UsageException($"--pattern {refused.Message}");
            }
            catch (ArgumentException refused)
            {
                done.Add($".gitattributes: skipped a folder: {refused.Message}");
            }
        }
        var added = lines.Distinct().Where(line => !existing.Contains(line)).ToList();
        if (added.Count > 0)
        {
            var text = File.Exists(attributes) ? File.ReadAllText(attributes) : "";
            if (text.Length > 0 && !text.EndsWith('\n')) text += "\n";
            IO.AtomicFile.WriteAllText(attributes, text + string.Join("\n", added) + "\n");
            done.AddRange(added.Select(l => $".gitattributes: {l}"));
        }
        return done;
    }

    /// <summary>
    /// `diff.deepdsl.command`: deepdsl's semantic diff while deepdsl is there, else git's plain text diff, and
    /// exit 0 either way — git stops with "external diff died" (exit 128) when a driver fails. git appends
    /// ` "$@"` to a command with shell syntax, so the command is a function that it then calls with git's
    /// arguments (`path old-file old-hex old-mode new-file new-hex new-mode`).
    /// </summary>
    public static string DiffCommand(SelfInvocation self) =>
        $"deepdsl_diff() {{ {{ {self.Present} && {self.Command} git diff-driver \"$@\"; }} || " +
        "{ git diff --no-index --no-ext-diff --no-textconv -- \"$2\" \"$5\"; true; }; }; deepdsl_diff";

    /// <summary>`diff.deepdsl.textconv`: the resolved spec while deepdsl is there, else the file as it is.</summary>
    public static string TextConvCommand(SelfInvocation self) =>
        $"deepdsl_textconv() {{ {{ {self.Present} && {self.Command} git textconv \"$@\"; }} || cat \"$1\"; }}; deepdsl_textconv";

    /// <summary>`folder/**/*.yaml` for each outermost folder holding a spec (tracked or not ignored), the folder's name matched literally; `experiments/**/*.yaml` when there is none yet.</summary>
    public static IReadOnlyList<string> ExperimentFolderPatterns(Git git)
    {
        // -z: names as they are (git quotes a name with a newline, a tab or a quote otherwise).
        var files = git.Run("ls-files", "-z", "--cached", "--others", "--exclude-standard", "--", "*.yaml", "*.yml").Text
            .Split('\0', StringSplitOptions.RemoveEmptyEntries)
            // A name that is not UTF-8 cannot be opened nor named here: kept, so that its folder is reported as skipped.
            .Where(f => f.Contains('\uFFFD') || SpecDetection.LooksLikeSpec(f, ReadOrEmpty(Path.Combine(git.WorkingDirectory, f))))
            .ToList();
        // git's names have `/` between folders on every system; a `\\` is part of a name.
        var folders = files.Select(f => (Folder: f[..Math.Max(0, f.LastIndexOf('/'))], Extension: Path.GetExtension(f)))
            .Distinct().OrderBy(x => x.Folder.Length).ToList();
        var kept = new List<(string Folder, string Extension)>();
        foreach (var x in folders)
            if (!kept.Any(k => k.Extension == x.Extension && (k.Folder.Length == 0 || x.Folder == k.Folder || x.Folder.StartsWith(k.Folder + "/", StringComparison.Ordinal))))
                kept.Add(x);
        return kept.Count == 0 ? ["experiments/**/*.yaml"]
            : kept.Select(k => k.Folder.Length == 0 ? $"*{k.Extension}" : $"{GitAttributesPattern.Literal(k.Folder)}/**/*{k.Extension}").ToList();
    }

    /// <summary>
    /// A regular file's text through the guarded reader (a link to /dev/zero would not end); a symbolic link is no
    /// spec to git, which diffs the link's target path.
    /// </summary>
    private static string ReadOrEmpty(string path)
    {
        try
        {
            return IO.PathGuard.KindOf(path) != IO.FileKind.SymbolicLink ? Specs.ProjectFileSystem.Instance.Read(path).Text ?? "" : "";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }
}
