using System.CommandLine;
using DeepDsl.Cli.Console;
using DeepDsl.Cli.Errors;
using DeepDsl.Cli.Specs;
using DeepDsl.Dsl;
using DeepDsl.Dsl.Diagnostics;
using DeepDsl.Dsl.Formatting;
using DeepDsl.Dsl.Shapes;
using DeepDsl.Training;

namespace DeepDsl.Cli.Commands;

/// <summary>
/// deepdsl show [--resolved | --summary] FILE: the spec in canonical form — as written (the formatter's output), or
/// fully resolved (extends applied, defaults explicit, repeats expanded; usable as a git textconv driver) — or the
/// Keras-style model summary the language infers from it, without building or training anything.
/// </summary>
internal static class ShowCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "Experiment spec (YAML)" }.NotEmpty();
        var resolved = new Option<bool>("--resolved") { Description = "Print the resolved spec: extends applied, defaults explicit, repeats expanded" };
        var summary = new Option<bool>("--summary") { Description = "Print the model summary: each layer's output shape and parameters, inferred from the spec" };
        var command = new Command("show", "Print a spec in canonical form, as written or resolved, or its model summary.") { file, resolved, summary };
        command.Validators.Add(result =>
        {
            if (result.GetValue(resolved) && result.GetValue(summary)) result.AddError("--resolved and --summary print different things: choose one.");
        });
        command.SetAction(parse =>
        {
            var path = parse.GetValue(file)!;
            if (parse.GetValue(summary)) return Summary(path);
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

    private static int Summary(string path)
    {
        var compilation = SpecFiles.Compile(path);
        foreach (var d in compilation.Diagnostics) System.Console.Error.WriteLine(TerminalText.Escape(d.ToString()));
        if (compilation.Spec is not { } spec) return ExitCodes.Failed;
        var shapes = ShapeInference.Infer(spec.Model);
        var rows = shapes.Layers.Select(l => new ModelSummary.Row(l.Layer.Name, l.Layer.Kind, [.. l.Output.Dims], l.Parameters)).ToList();
        System.Console.WriteLine(TerminalText.Escape($"Model of {spec.Name}: input {shapes.Input}"));
        // Layer names passed the language's name pattern; each line is escaped anyway, as everything from a spec is.
        foreach (var line in new ModelSummary(rows, shapes.TotalParameters).Render().Split('\n', StringSplitOptions.RemoveEmptyEntries))
            System.Console.WriteLine(TerminalText.Escape(line));
        return ExitCodes.Ok;
    }
}
