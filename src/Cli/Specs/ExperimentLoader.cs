using DeepDsl.Cli.Console;
using DeepDsl.Cli.Generation;
using DeepDsl.Experiments;

namespace DeepDsl.Cli.Specs;

/// <summary>From a spec file to a runnable experiment: validate (printing diagnostics), then generate, compile and load its code.</summary>
internal static class ExperimentLoader
{
    public static IExperiment? Load(string path)
    {
        // A missing file is the compiler's DDSL009 at the file, exit 1, as for every command that reads a spec.
        var compilation = SpecFiles.Compile(path);
        foreach (var d in compilation.Diagnostics) System.Console.Error.WriteLine(TerminalText.Escape(d.ToString()));
        if (compilation.HasErrors) return null;
        return GeneratedExperiment.Load(path, compilation.Files.ToList(), compilation.Spec!.ContentHash);
    }
}
