using DeepDsl.Data;
using DeepDsl.Distributed;
using DeepDsl.Runs;
using DeepDsl.Torch;
using DeepDsl.Training;

namespace DeepDsl.Reporting;

/// <summary>
/// Which exceptions are the user's (a spec, the data, a run folder, the machine: a missing file, a full disk, libtorch
/// out of memory) rather than bugs, and the one line that reports one. The deepdsl command and
/// <see cref="ExperimentConsole"/> both end through these, so a program built on the package prints what the CLI prints.
/// </summary>
public static class UserError
{
    /// <summary>Errors of the user's input or environment, as opposed to bugs.</summary>
    public static bool Is(Exception error) => error switch
    {
        DataException or RunException or DeviceException or DistributedException or LibTorchMissingException or InvalidDataException or IOException or UnauthorizedAccessException or OutOfMemoryException => true,
        // libtorch's own words for a machine that cannot hold the model or batch.
        TorchException t => t.Message.Contains("out of memory", StringComparison.OrdinalIgnoreCase) ||
                            t.Message.Contains("DefaultCPUAllocator: can't allocate memory", StringComparison.Ordinal),
        _ => false,
    };

    /// <summary>The error's message on one line, escaped for the terminal, with what to do when the machine ran out of memory.</summary>
    public static string Describe(Exception error)
    {
        var context = error is TorchException or OutOfMemoryException ? "out of memory (use a smaller model or batch, or another device): " : "";
        return context + TerminalText.OneLine(error.Message);
    }
}
