using DeepDsl.Dsl;

namespace DeepDsl.Cli.Specs;

/// <summary>Compiles spec files from the disk (through the guarded <see cref="ProjectFileSystem"/>) with the severities configured for them (.editorconfig/.globalconfig) and the CLI's flags.</summary>
internal static class SpecFiles
{
    public static SpecCompilation Compile(string path, bool warningsAsErrors = false) =>
        SpecCompiler.CompileWithConfiguredSeverities(path, ProjectFileSystem.Instance, warningsAsErrors);

    /// <summary>The text of a spec named on the command line, or throws an IOException naming it (missing, not a regular file, too large).</summary>
    public static string ReadText(string path)
    {
        var read = ProjectFileSystem.Instance.Read(Path.GetFullPath(path));
        return read.Text ?? throw new IOException($"{path}: {read.Problem}");
    }
}
