using System.CommandLine;
using DeepDsl.Cli.Console;
using DeepDsl.Cli.Errors;
using DeepDsl.Cli.Generation;
using DeepDsl.Cli.Specs;

namespace DeepDsl.Cli.Commands;

/// <summary>deepdsl generate FILE: prints the C# the source generator makes from the spec (the same bytes a build generates).</summary>
internal static class GenerateCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "Experiment spec (YAML)" }.NotEmpty();
        var command = new Command("generate", "Print the C# generated from a spec.") { file };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(file)!;
            var compilation = SpecFiles.Compile(path);
            foreach (var d in compilation.Diagnostics) System.Console.Error.WriteLine(TerminalText.Escape(d.ToString()));
            if (compilation.HasErrors) return ExitCodes.Failed;
            System.Console.Write(GeneratedExperiment.Generate(path, compilation.Files.ToList()));
            return ExitCodes.Ok;
        });
        return command;
    }
}
