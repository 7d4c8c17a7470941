using System.CommandLine;
using DeepDsl.Cli.Console;
using DeepDsl.Data;
using DeepDsl.Distributed;
using DeepDsl.Runs;
using DeepDsl.Torch;
using DeepDsl.Training;

namespace DeepDsl.Cli.Errors;

/// <summary>
/// The one place where errors leave the CLI. A wrong command line is one message and exit 2; an error in a spec,
/// the data, a run or the machine (a missing file, a full disk, a read-only folder, libtorch out of memory) is one
/// line on stderr naming the file or argument, exit 1; an interrupt is exit 130. Only a bug prints a stack trace,
/// labelled as one (or any error, with --verbose).
/// </summary>
internal static class ErrorEdge
{
    public static async Task<int> InvokeAsync(ParseResult parse, bool verbose)
    {
        if (parse.Errors.Count > 0)
        {
            // One line, as every error: what is wrong, then where the usage is.
            System.Console.Error.WriteLine($"deepdsl: error: {string.Join("; ", parse.Errors.Select(e => OneLine(e.Message)))} (run '{parse.CommandResult.Command.Name} --help' for usage)");
            return ExitCodes.Usage;
        }
        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (OperationCanceledException)
        {
            System.Console.Error.WriteLine("deepdsl: interrupted");
            return ExitCodes.Interrupted;
        }
        catch (UsageException error)
        {
            System.Console.Error.WriteLine($"deepdsl: error: {OneLine(error.Message)}");
            return ExitCodes.Usage;
        }
        catch (Exception error) when (IsUsers(error))
        {
            var context = error is TorchException or OutOfMemoryException ? "out of memory (use a smaller model or batch, or another device): " : "";
            System.Console.Error.WriteLine($"deepdsl: error: {context}{OneLine(error.Message)}");
            if (verbose) System.Console.Error.WriteLine(Lines(error));
            return ExitCodes.Failed;
        }
        catch (Exception error)
        {
            System.Console.Error.WriteLine($"deepdsl: internal error — a bug in DeepDsl; please report it with the lines below.{Environment.NewLine}{Lines(error)}");
            return ExitCodes.InternalError;
        }
    }

    /// <summary>Errors of the user's input or environment, as opposed to bugs.</summary>
    private static bool IsUsers(Exception error) => error switch
    {
        DataException or RunException or DeviceException or DistributedException or InvalidDataException or IOException or UnauthorizedAccessException or OutOfMemoryException => true,
        // libtorch's own words for a machine that cannot hold the model or batch.
        TorchException t => t.Message.Contains("out of memory", StringComparison.OrdinalIgnoreCase) ||
                            t.Message.Contains("DefaultCPUAllocator: can't allocate memory", StringComparison.Ordinal),
        _ => false,
    };

    private static string Lines(Exception error) => string.Join(Environment.NewLine, error.ToString().Split(Environment.NewLine).Select(TerminalText.Escape));

    // Messages quote files, folder names and record fields: escaped for the terminal like every value from outside.
    private static string OneLine(string message) => TerminalText.Escape(message.ReplaceLineEndings(" ").Trim());
}
