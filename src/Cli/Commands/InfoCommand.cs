using System.CommandLine;
using System.Runtime.InteropServices;
using DeepDsl.Torch;

namespace DeepDsl.Cli.Commands;

/// <summary>deepdsl info: the engine that would train (its libtorch, BLAS, devices, threads) and the platform.</summary>
internal static class InfoCommand
{
    public static Command Create()
    {
        var command = new Command("info", "Print the engine, its libtorch and BLAS, the devices and threads, and the platform.");
        command.SetAction(_ =>
        {
            var engine = EngineInfo.Current();
            System.Console.WriteLine($"engine:   {engine.Engine}");
            System.Console.WriteLine($"libtorch: {engine.LibTorch}");
            System.Console.WriteLine($"blas:     {engine.Blas}{(engine.BlasThreads is { } n ? $" ({n} thread{(n == 1 ? "" : "s")})" : "")}");
            System.Console.WriteLine($"threads:  {engine.Threads}");
            System.Console.WriteLine($"devices:  cpu{string.Concat(Enumerable.Range(0, engine.CudaDevices).Select(i => $", cuda:{i}"))}");
            System.Console.WriteLine($"platform: {RuntimeInformation.OSDescription}, {RuntimeInformation.OSArchitecture}, {RuntimeInformation.FrameworkDescription}");
            return ExitCodes.Ok;
        });
        return command;
    }
}
