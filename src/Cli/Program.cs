using System.CommandLine;
using DeepDsl.Cli.Commands;

// The CLI only wires stages together: each command lives in its own file under Commands/.
var root = new RootCommand("DeepDsl: deep-learning experiments as YAML, compiled to C#, run on libtorch.");
foreach (var command in CommandCatalog.All())
    root.Subcommands.Add(command);
return await root.Parse(args).InvokeAsync();
