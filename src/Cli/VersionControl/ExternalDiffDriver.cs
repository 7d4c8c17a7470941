using DeepDsl.Dsl.Model;
using System.Text;
using DeepDsl.Dsl.Diffing;

namespace DeepDsl.Cli.VersionControl;

/// <summary>
/// git's external diff driver (`diff.deepdsl.command`): git calls it with
/// `path old-file old-hex old-mode new-file new-hex new-mode [new-path message]` for each changed file
/// and shows what it prints. Specs are shown as the semantic diff of both sides resolved, each side's
/// `extends` read at its own revision (<see cref="SideRevisions"/>); anything else, or any failure, as
/// a plain text diff. It never makes git fail: whatever happens, the exit code is 0.
/// </summary>
internal static class ExternalDiffDriver
{
    public static string Render(Git git, IReadOnlyList<string> arguments)
    {
        if (arguments.Count < 7) return arguments.Count == 1 ? $"* Unmerged path {arguments[0]}\n" : "";
        var (path, oldFile, oldBlob, newFile, newBlob) = (arguments[0], arguments[1], arguments[2], arguments[4], arguments[5]);
        var displayPath = arguments.Count >= 8 ? arguments[7] : path;
        try
        {
            if (oldFile == "/dev/null" || newFile == "/dev/null") return PlainTextDiff.Of(git, displayPath, oldFile, newFile);
            var oldText = File.ReadAllText(oldFile);
            var newText = File.ReadAllText(newFile);
            if (!SpecDetection.LooksLikeSpec(path, oldText) && !SpecDetection.LooksLikeSpec(displayPath, newText))
                return PlainTextDiff.Of(git, displayPath, oldFile, newFile);

            var (oldRevision, newRevision) = SideRevisions.Of(git, path, oldFile, oldBlob, newFile, newBlob);
            var oldSide = new ResolvedSide(Path.Combine(git.WorkingDirectory, path), oldText, oldRevision).Compile(git);
            var newSide = new ResolvedSide(Path.Combine(git.WorkingDirectory, displayPath), newText, newRevision).Compile(git);
            if (oldSide.Spec is null || newSide.Spec is null)
            {
                var failed = oldSide.Spec is null ? oldSide : newSide;
                return PlainTextDiff.Of(git, displayPath, oldFile, newFile,
                    $"{(oldSide.Spec is null ? "old" : "new")} side not resolved at {(oldSide.Spec is null ? oldRevision : newRevision)} ({ResolvedSide.WhyNotResolved(git, failed)}); text diff follows");
            }

            var output = new StringBuilder();
            output.Append($"diff --deepdsl a/{path} b/{displayPath}\n");
            output.Append($"--- a/{path}\t(resolved at {oldRevision}, spec hash {SpecHash.Short(oldSide.Spec.ContentHash)})\n");
            output.Append($"+++ b/{displayPath}\t(resolved at {newRevision}, spec hash {SpecHash.Short(newSide.Spec.ContentHash)})\n");
            var lines = SemanticDiffText.Lines(SemanticDiff.Compare(oldSide.Spec, newSide.Spec));
            if (lines.Count == 0) output.Append("  (the resolved experiment is unchanged: only formatting, comments or written-out defaults differ)\n");
            foreach (var line in lines) output.Append(line).Append('\n');
            return output.ToString();
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            return PlainTextDiff.Of(git, displayPath, oldFile, newFile, $"semantic diff failed ({error.GetType().Name}: {error.Message}); text diff follows");
        }
    }
}
