using System.CommandLine;
using DeepDsl.Cli.Specs;

namespace DeepDsl.Cli.Commands;

/// <summary>deepdsl show --resolved FILE: the fully resolved spec in canonical YAML (usable as a git textconv driver).</summary>
internal static class ShowCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "Experiment spec (YAML)" };
        var resolved = new Option<bool>("--resolved") { Description = "Print the resolved spec: extends applied, defaults explicit, repeats expanded" };
        var command = new Command("show", "Print a spec resolved, in canonical form.") { file, resolved };
        command.SetAction(parse =>
        {
            var compilation = SpecFiles.Compile(parse.GetValue(file)!);
            foreach (var d in compilation.Diagnostics) System.Console.Error.WriteLine(d.ToString());
            if (compilation.Spec is null) return 1;
            System.Console.Write(compilation.Spec.CanonicalYaml);
            return 0;
        });
        return command;
    }
}
