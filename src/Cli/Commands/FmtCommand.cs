using System.CommandLine;
using DeepDsl.Cli.Console;
using DeepDsl.Cli.Errors;
using DeepDsl.Cli.Specs;
using DeepDsl.Dsl.Diagnostics;
using DeepDsl.Dsl.Formatting;

namespace DeepDsl.Cli.Commands;

/// <summary>deepdsl fmt FILE… [--check]: rewrites specs in the canonical style (comments kept); --check exits 1 when one is not canonical.</summary>
internal static class FmtCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("files") { Description = "Experiment specs (YAML)", Arity = ArgumentArity.OneOrMore }.NotEmpty();
        var check = new Option<bool>("--check") { Description = "Only report files that are not canonical (exit 1), for CI" };
        var command = new Command("fmt", "Format experiment specs canonically.") { files, check };
        command.SetAction(parse =>
        {
            var exit = ExitCodes.Ok;
            foreach (var file in parse.GetValue(files)!)
            {
                var text = SpecFiles.ReadText(file);
                var diagnostics = new List<DslDiagnostic>();
                var formatted = SpecFormatter.Format(Path.GetFullPath(file), text, diagnostics);
                if (formatted is null)
                {
                    foreach (var d in diagnostics) System.Console.Error.WriteLine(TerminalText.Escape(d.ToString()));
                    exit = ExitCodes.Failed;
                    continue;
                }
                if (formatted == text) continue;
                if (parse.GetValue(check))
                {
                    System.Console.WriteLine($"{file}: not formatted (run deepdsl fmt {file})");
                    exit = ExitCodes.Failed;
                }
                else
                {
                    IO.AtomicFile.WriteAllText(file, formatted);
                    System.Console.WriteLine($"formatted {file}");
                }
            }
            return exit;
        });
        return command;
    }
}
