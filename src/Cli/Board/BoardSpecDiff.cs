using DeepDsl.Dsl;
using DeepDsl.Dsl.Diagnostics;
using DeepDsl.Dsl.Diffing;
using DeepDsl.Dsl.Model;
using DeepDsl.Dsl.Resolution;
using DeepDsl.Runs;

namespace DeepDsl.Cli.Board;

/// <summary>
/// The semantic diff (<see cref="SemanticDiff"/>, as `deepdsl diff` prints it) of a run's resolved spec against another run's:
/// <see cref="Changes"/> from <see cref="Other"/> (before) to <see cref="Run"/> (after), or null when a spec could not be read
/// or does not bind (YAML, schema), which <see cref="Problems"/> then says, one line each. The validation rules do not stop
/// a diff: they judged each spec when its run started.
/// </summary>
internal sealed record BoardSpecDiff(string Run, string Other, IReadOnlyList<BoardSpecChange>? Changes, IReadOnlyList<string> Problems)
{
    // A spec that fails says why in its first errors; a page has no room for hundreds.
    private const int ErrorsShown = 3;

    /// <summary>
    /// The diff of <paramref name="spec"/> (run <paramref name="run"/>'s spec.yaml, already read through the board's door)
    /// against <paramref name="otherSpec"/>; a null text was not readable and is already among <paramref name="problems"/>.
    /// </summary>
    public static BoardSpecDiff Of(string run, RunDirectory runFolder, string? spec, string other, RunDirectory otherFolder, string? otherSpec, List<string> problems)
    {
        var after = spec is null ? null : Compile(runFolder, spec, problems);
        var before = otherSpec is null ? null : Compile(otherFolder, otherSpec, problems);
        var changes = after is null || before is null ? null
            : SemanticDiff.Compare(before, after).Select(c => new BoardSpecChange(c.Path, c.Kind, c.Old, c.New, c.Layers)).ToList();
        return new BoardSpecDiff(run, other, changes, problems);
    }

    // The rules judged each spec when its run started, and a rule may have been added or tightened since (a run recorded
    // before the default monitor followed the validation set names val_loss without one, which DDSL501 now refuses): every
    // diagnostic is a warning here, so any spec that binds is compared, and one that does not is told by what its errors are.
    private static readonly DiagnosticOptions BindingOnly = new(Descriptors.All.ToDictionary(d => d.Id, _ => DiagnosticSeverity.Warning));

    private static readonly HashSet<string> Errors = [.. Descriptors.All.Where(d => d.DefaultSeverity == DiagnosticSeverity.Error).Select(d => d.Id)];

    // The text alone, in memory: an `extends` in a run's spec reaches nothing on the disk (a resolved spec has none to follow).
    private static ExperimentSpec? Compile(RunDirectory run, string text, List<string> problems)
    {
        var compilation = SpecCompiler.Compile(run.SpecFile, new InMemoryFileSystem(new Dictionary<string, string> { [run.SpecFile] = text }), BindingOnly);
        if (compilation.Spec is null)
        {
            var errors = compilation.Diagnostics.Where(d => Errors.Contains(d.Id)).Select(d => d with { Severity = DiagnosticSeverity.Error }).ToList();
            problems.Add($"{run.SpecFile} does not compile with this version of DeepDsl: {string.Join("; ", errors.Take(ErrorsShown))}" +
                (errors.Count > ErrorsShown ? $" (and {errors.Count - ErrorsShown} more)" : ""));
        }
        return compilation.Spec;
    }
}
