using DeepDsl.Generated;
using DeepDsl.Training;

// `dotnet run` lists the experiments generated from experiments/*.yaml;
// `dotnet run -- NAME [EPOCHS]` trains one and prints its run folder (under runs/).
if (args.Length == 0)
{
    Console.WriteLine("Experiments (dotnet run -- NAME [EPOCHS]):");
    foreach (var name in ExperimentCatalog.All.Keys)
        Console.WriteLine($"  {name}");
    return 0;
}

if (!ExperimentCatalog.All.TryGetValue(args[0], out var create))
{
    Console.Error.WriteLine($"No experiment named '{args[0]}'; `dotnet run` lists them.");
    return 1;
}

int? epochs = args.Length > 1 ? int.Parse(args[1]) : null;
var result = ExperimentRunner.Run(create(), new RunOptions(Epochs: epochs), Console.Out);
Console.WriteLine($"Run folder: {result.Directory.Path}");
return 0;
