using DeepDsl.Torch;

namespace DeepDsl.Runtime.Tests.Engines;

/// <summary>
/// The TorchSharp engine in a process of its own (`dotnet DeepDsl.Runtime.Tests.dll torchsharp-probe`, with
/// DEEPDSL_ENGINE=torchsharp), so that its libtorch 2.10 never shares the test host with the native engine's libtorch.
/// Prints what <see cref="TorchSharpProcessTests"/> asserts: the load failure's message, or the engine it ran on, what
/// a mismatched matmul raised, and that the process computed on after it.
/// </summary>
internal static class TorchSharpProbe
{
    public const string Command = "torchsharp-probe";

    public static int Run(TextWriter output)
    {
        EngineInfo info;
        try { info = EngineInfo.Current(); }
        catch (LibTorchMissingException missing)
        {
            output.WriteLine("unavailable: " + missing.Message);
            return 0;
        }
        output.WriteLine("engine: " + info.Describe());
        using var scope = torch.NewDisposeScope();
        try
        {
            torch.zeros([2, 3]).matmul(torch.zeros([4, 5]));
            output.WriteLine("matmul: no error");
        }
        catch (TorchException error) { output.WriteLine("matmul: " + error.Message); }
        output.WriteLine(FormattableString.Invariant($"after: {torch.ones([2, 3]).matmul(torch.ones([3, 4])).sum().item<double>()}"));
        return 0;
    }
}
