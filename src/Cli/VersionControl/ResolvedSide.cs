using DeepDsl.Dsl;

namespace DeepDsl.Cli.VersionControl;

/// <summary>One side of a diff: the spec's path in the repository, its text as git handed it over, and the revision its `extends` chain is read at.</summary>
internal sealed record ResolvedSide(string SpecPath, string Text, GitRevision Revision)
{
    public SpecCompilation Compile(Git git) =>
        SpecCompiler.CompileWithConfiguredSeverities(SpecPath, new GitRevisionFileSystem(git, Revision, SpecPath, Text));

    /// <summary>Why a side did not resolve, for the drivers' notes: its first error, with the path relative to the repository.</summary>
    public static string WhyNotResolved(Git git, SpecCompilation compilation) =>
        compilation.Errors.FirstOrDefault() is { } error
            ? (git.RelativePath(error.Location.File) ?? error.Location.File) + error.ToString()[error.Location.File.Length..]
            : "it does not resolve";
}
