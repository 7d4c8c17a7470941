using System.CommandLine;
using DeepDsl.Cli.Console;
using DeepDsl.Cli.Errors;
using DeepDsl.Cli.Specs;
using DeepDsl.Dsl;
using DeepDsl.Dsl.Diagnostics;
using DeepDsl.Dsl.Formatting;

namespace DeepDsl.Cli.Commands;

/// <summary>
/// deepdsl show [--resolved] FILE: the spec in canonical form — as written (the formatter's output), or
/// fully resolved (extends applied, defaults explicit, repeats expanded; usable as a git textconv driver).
/// </summary>
internal static class ShowCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "Experiment spec (YAML)" }.NotEmpty();
        var resolved = new Option<bool>("--resolved") { Description = "Print the resolved spec: extends applied, defaults explicit, repeats expanded" };
        var command = new Command("show", "Print a spec in canonical form, as written or resolved.") { file, resolved };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(file)!;
            if (!parse.GetValue(resolved))
            {
                var text = SpecFiles.ReadText(path);
                var diagnostics = new List<DslDiagnostic>();
                var formatted = SpecFormatter.Format(Path.GetFullPath(path), text, diagnostics);
                foreach (var d in diagnostics) System.Console.Error.WriteLine(TerminalText.Escape(d.ToString()));
                if (formatted is null) return ExitCodes.Failed;
                System.Console.Write(formatted);
                return ExitCodes.Ok;
            }
            var compilation = SpecFiles.Compile(path);
            foreach (var d in compilation.Diagnostics) System.Console.Error.WriteLine(TerminalText.Escape(d.ToString()));
            if (compilation.Spec is null) return ExitCodes.Failed;
            System.Console.Write(compilation.Spec.CanonicalYaml);
            return ExitCodes.Ok;
        });
        return command;
    }
}
