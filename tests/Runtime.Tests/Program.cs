using DeepDsl.Runtime.Tests.Engines;
using DeepDsl.Runtime.Tests.Torch;

namespace DeepDsl.Runtime.Tests;

/// <summary>
/// The test assembly's entry point (instead of the test SDK's empty one): the test host never calls it, and a test that
/// must measure a process of its own starts this assembly with its command (<see cref="NativeMemoryProbe"/>,
/// <see cref="TorchSharpProbe"/>).
/// </summary>
internal static class Program
{
    public static int Main(string[] args) =>
        args switch
        {
            [NativeMemoryProbe.Command] => NativeMemoryProbe.Run(Console.Out),
            [NativeMemoryProbe.Command, "leak"] => NativeMemoryProbe.Run(Console.Out, leak: true),
            [TorchSharpProbe.Command] => TorchSharpProbe.Run(Console.Out),
            _ => 0,
        };
}
