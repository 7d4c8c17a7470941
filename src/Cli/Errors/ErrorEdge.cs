using System.CommandLine;

namespace DeepDsl.Cli.Errors;

/// <summary>
/// The one place where errors leave the CLI. A wrong command line is one message and exit 2; an error in a spec,
/// the data, a run or the machine (<see cref="UserError"/>: a missing file, a full disk, a read-only folder, libtorch
/// out of memory) is one line on stderr naming the file or argument, exit 1; an interrupt is exit 130. Only a bug prints a stack trace,
/// labelled as one (or any error, with --verbose).
/// </summary>
internal static class ErrorEdge
{
    public static async Task<int> InvokeAsync(ParseResult parse, bool verbose)
    {
        if (parse.Errors.Count > 0)
        {
            // One line, as every error: what is wrong, then where the usage is.
            System.Console.Error.WriteLine($"deepdsl: error: {string.Join("; ", parse.Errors.Select(e => TerminalText.OneLine(e.Message)))} (run '{parse.CommandResult.Command.Name} --help' for usage)");
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
            System.Console.Error.WriteLine($"deepdsl: error: {TerminalText.OneLine(error.Message)}");
            return ExitCodes.Usage;
        }
        catch (Exception error) when (UserError.Is(error))
        {
            System.Console.Error.WriteLine($"deepdsl: error: {UserError.Describe(error)}");
            if (verbose) System.Console.Error.WriteLine(Lines(error));
            return ExitCodes.Failed;
        }
        catch (Exception error)
        {
            System.Console.Error.WriteLine($"deepdsl: internal error — a bug in DeepDsl; please report it with the lines below.{Environment.NewLine}{Lines(error)}");
            return ExitCodes.InternalError;
        }
    }

    private static string Lines(Exception error) => string.Join(Environment.NewLine, error.ToString().Split(Environment.NewLine).Select(TerminalText.Escape));
}
