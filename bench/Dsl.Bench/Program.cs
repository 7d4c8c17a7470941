using DeepDsl.Dsl.Bench;

// Benchmarks of the experiment language; results go to docs/performance.md.
//   dotnet run -c Release --project bench/Dsl.Bench -- [throughput|fuzz|all] [count]
var mode = args.Length > 0 ? args[0] : "all";
var examples = ExampleSpecs.Load();
if (mode is "throughput" or "all")
    Console.WriteLine(Throughput.Run(examples, args.Length > 1 ? int.Parse(args[1]) : 20_000));
if (mode is "fuzz" or "all")
    Console.WriteLine(FuzzRun.Run(examples, args.Length > 1 && mode == "fuzz" ? int.Parse(args[1]) : 100_000));
