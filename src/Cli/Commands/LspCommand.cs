using System.CommandLine;
using DeepDsl.Cli.LanguageServer;

namespace DeepDsl.Cli.Commands;

/// <summary>deepdsl lsp: the language server for editors (LSP 3.17 over stdin/stdout; docs/architecture.md, "The language server").</summary>
internal static class LspCommand
{
    public static Command Create()
    {
        // Editors start servers with --stdio; stdio is the only transport, so the option is accepted and changes nothing.
        var stdio = new Option<bool>("--stdio") { Description = "Talk over stdin and stdout (the only transport)" };
        var command = new Command("lsp", "Serve the Language Server Protocol over stdio: diagnostics as you type, hover, completion, go to extends, formatting, quick fixes.") { stdio };
        command.SetAction(_ =>
        {
            var protocol = System.Console.OpenStandardOutput();
            // stdout carries the protocol's frames only: anything else that writes to the console goes to the log (stderr).
            System.Console.SetOut(System.Console.Error);
            // Buffered: the framing reads headers a byte at a time, which must not be a system call each.
            return new DeepDslLanguageServer(new BufferedStream(System.Console.OpenStandardInput()), protocol, System.Console.Error).Run();
        });
        return command;
    }
}
