using System.CommandLine;
using DeepDsl.Cli.Commands;
using DeepDsl.Cli.Errors;

// The CLI only wires stages together: each command lives in its own file under Commands/, and every
// error leaves through Errors/ErrorEdge (one message, a documented exit code).
DeepDsl.Cli.Console.Terminal.Configure();
var verbose = new Option<bool>("--verbose") { Description = "Print the stack trace of any error", Recursive = true };
var engine = new Option<string>("--engine")
{
    Description = "The engine that runs the tensors: native (DeepDsl's shim over the system's libtorch) or torchsharp; default: the first that loads",
    Recursive = true,
};
engine.AcceptOnlyFromAmong([.. DeepDsl.Engines.Engine.Names]);
var root = new RootCommand("DeepDsl: deep-learning experiments as YAML, compiled to C#, run on libtorch.") { verbose, engine };
foreach (var command in CommandCatalog.All())
    root.Subcommands.Add(command);
var parse = root.Parse(args);
if (parse.Errors.Count == 0 && parse.GetValue(engine) is { } chosen) DeepDsl.Engines.Engine.Choose(chosen);
return await ErrorEdge.InvokeAsync(parse, parse.Errors.Count == 0 && parse.GetValue(verbose));
