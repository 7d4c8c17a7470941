using System.CommandLine;
using System.Text.Json;
using DeepDsl.Cli.Console;
using DeepDsl.Cli.Errors;
using DeepDsl.Cli.Specs;
using DeepDsl.Dsl;
using DeepDsl.Dsl.Diagnostics;
using DeepDsl.Dsl.Model;

namespace DeepDsl.Cli.Commands;

/// <summary>deepdsl validate FILE…: diagnostics in MSBuild's canonical form (path(line,col): error DDSLnnn: message); exit 1 on errors.</summary>
internal static class ValidateCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("files") { Description = "Experiment specs (YAML)", Arity = ArgumentArity.OneOrMore }.NotEmpty();
        var json = new Option<bool>("--json") { Description = "Print diagnostics as JSON" };
        var warnAsError = new Option<bool>("--warnaserror") { Description = "Treat warnings as errors" };
        var command = new Command("validate", "Check experiment specs and print their diagnostics.") { files, json, warnAsError };
        command.SetAction(parse =>
        {
            var results = parse.GetValue(files)!
                .Select(f => (File: f, Result: SpecFiles.Compile(f, parse.GetValue(warnAsError))))
                .ToList();
            var all = results.SelectMany(r => r.Result.Diagnostics).ToList();
            if (parse.GetValue(json))
                System.Console.WriteLine(JsonSerializer.Serialize(all.Select(d => new
                {
                    id = d.Id, severity = DslDiagnostic.SeverityText(d.Severity), message = d.Message, file = d.Location.File,
                    line = d.Location.StartLine + 1, column = d.Location.StartColumn + 1, endLine = d.Location.EndLine + 1, endColumn = d.Location.EndColumn + 1,
                    helpLink = Descriptors.All.FirstOrDefault(x => x.Id == d.Id)?.HelpLink,
                    explain = Descriptors.All.FirstOrDefault(x => x.Id == d.Id)?.ExplainCommand,
                }), new JsonSerializerOptions { WriteIndented = true }));
            else
            {
                foreach (var d in all) System.Console.WriteLine(TerminalText.Escape(d.ToString()));
                foreach (var (file, result) in results.Where(r => !r.Result.HasErrors))
                    System.Console.Error.WriteLine($"{file}: ok ({result.Spec!.Name}, spec hash {SpecHash.Short(result.Spec.ContentHash)}" +
                        (result.Sweep is null ? ")" : $"; sweep of {result.Trials.Count} trials)"));
            }
            return all.Any(d => d.Severity == DiagnosticSeverity.Error) ? ExitCodes.Failed : ExitCodes.Ok;
        });
        return command;
    }
}
