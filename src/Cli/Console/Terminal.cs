using Spectre.Console;

namespace DeepDsl.Cli.Console;

/// <summary>
/// How the CLI writes to the terminal: colours and cursor codes only when standard output is a terminal and
/// NO_COLOR (https://no-color.org) is not set; plain text for pipes, files, CI logs and git.
/// </summary>
internal static class Terminal
{
    /// <summary>Called once at start-up, before anything is written.</summary>
    public static void Configure()
    {
        var redirected = System.Console.IsOutputRedirected;
        var noColor = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));
        if (!redirected && !noColor) return;
        AnsiConsole.Console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            // NO_COLOR removes colour only: a terminal keeps its live progress display.
            Ansi = redirected ? AnsiSupport.No : AnsiSupport.Detect,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = redirected ? InteractionSupport.No : InteractionSupport.Detect,
            Out = new AnsiConsoleOutput(System.Console.Out),
        });
    }
}
