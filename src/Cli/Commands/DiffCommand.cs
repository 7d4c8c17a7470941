using System.CommandLine;
using System.Text.Json;
using DeepDsl.Cli.Console;
using DeepDsl.Cli.Errors;
using DeepDsl.Cli.Specs;
using DeepDsl.Dsl;
using DeepDsl.Dsl.Diagnostics;
using DeepDsl.Dsl.Diffing;

namespace DeepDsl.Cli.Commands;

/// <summary>deepdsl diff A B: the settings that differ between two resolved experiments, with where each side came from; exit 1 when they differ.</summary>
internal static class DiffCommand
{
    public static Command Create()
    {
        var a = new Argument<string>("a") { Description = "First spec" }.NotEmpty();
        var b = new Argument<string>("b") { Description = "Second spec" }.NotEmpty();
        var json = new Option<bool>("--json") { Description = "Print the changes as JSON" };
        var command = new Command("diff", "Compare two experiments setting by setting.") { a, b, json };
        command.SetAction(parse =>
        {
            var left = SpecFiles.Compile(parse.GetValue(a)!);
            var right = SpecFiles.Compile(parse.GetValue(b)!);
            foreach (var d in left.Diagnostics.Concat(right.Diagnostics)) System.Console.Error.WriteLine(TerminalText.Escape(d.ToString()));
            if (left.Spec is null || right.Spec is null) return ExitCodes.DiffFailed;
            var changes = SemanticDiff.Compare(left.Spec, right.Spec);
            if (parse.GetValue(json))
                System.Console.WriteLine(JsonSerializer.Serialize(changes.Select(c => new { path = c.Path, kind = c.Kind, old = c.Old, @new = c.New, layers = c.Layers, oldSource = Where(c.OldSource), newSource = Where(c.NewSource) }),
                    new JsonSerializerOptions { WriteIndented = true }));
            else
                foreach (var c in changes) System.Console.WriteLine($"{c}    ({Where(c.OldSource) ?? "-"} | {Where(c.NewSource) ?? "-"})");
            return changes.Count == 0 ? ExitCodes.Ok : ExitCodes.SpecsDiffer;
        });
        return command;
    }

    private static string? Where(SourceLocation? location) =>
        location is null ? null : $"{Path.GetRelativePath(Environment.CurrentDirectory, location.File)}:{location.StartLine + 1}";

}
