using DeepDsl.Cli.Console;
using DeepDsl.Cli.Generation;
using DeepDsl.Experiments;

namespace DeepDsl.Cli.Specs;

/// <summary>From a spec file to a runnable experiment: validate (printing diagnostics), then generate, compile and load its code.</summary>
internal static class ExperimentLoader
{
    public static IExperiment? Load(string path)
    {
        if (!File.Exists(path))
        {
            System.Console.Error.WriteLine($"{path}: error: no such file");
            return null;
        }
        var compilation = SpecFiles.Compile(path);
        foreach (var d in compilation.Diagnostics) System.Console.Error.WriteLine(TerminalText.Escape(d.ToString()));
        if (compilation.HasErrors) return null;
        return GeneratedExperiment.Load(path, compilation.Files.ToList(), compilation.Spec!.ContentHash);
    }
}
