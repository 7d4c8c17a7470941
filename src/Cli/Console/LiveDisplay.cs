using Spectre.Console;

namespace DeepDsl.Cli.Console;

/// <summary>
/// A command's terminal display: on an interactive terminal, a <see cref="StatusLine"/> with every other
/// output (stdout and stderr) routed above it; otherwise nothing, and output stays plain lines.
/// </summary>
internal sealed class LiveDisplay : IDisposable
{
    private readonly TextWriter output;
    private readonly TextWriter error;

    private LiveDisplay(TextWriter output, TextWriter error)
    {
        this.output = output;
        this.error = error;
        Status = new StatusLine(output, () => Math.Min(FittedTable.TerminalWidth(), 1000));
        // Console.Out becomes the line's own writer, so the console's lock and the line's are one (see StatusLine).
        System.Console.SetOut(Status.Output);
        System.Console.SetError(new StatusWriter(Status));
    }

    public StatusLine Status { get; }

    /// <summary>A live display when stdout is an interactive terminal, else null (pipes, files, CI).</summary>
    public static LiveDisplay? StartIfTerminal() =>
        System.Console.IsOutputRedirected || !AnsiConsole.Profile.Capabilities.Interactive ? null : new LiveDisplay(System.Console.Out, System.Console.Error);

    public void Dispose()
    {
        Status.Dispose();
        System.Console.SetOut(output);
        System.Console.SetError(error);
    }
}
