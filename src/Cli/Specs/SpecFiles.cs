using DeepDsl.Dsl;
using DeepDsl.Dsl.Diagnostics;
using DeepDsl.Dsl.Resolution;

namespace DeepDsl.Cli.Specs;

/// <summary>Compiles spec files from the disk with the severities configured for them (.editorconfig/.globalconfig) and the CLI's flags.</summary>
internal static class SpecFiles
{
    public static SpecCompilation Compile(string path, bool warningsAsErrors = false) =>
        SpecCompiler.Compile(path, DiskFileSystem.Instance, new DiagnosticOptions(SeverityConfig.For(Path.GetFullPath(path)), warningsAsErrors));
}
