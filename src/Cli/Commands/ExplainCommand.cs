using System.CommandLine;
using DeepDsl.Cli.Errors;
using DeepDsl.Dsl.Diagnostics;

namespace DeepDsl.Cli.Commands;

/// <summary>deepdsl explain DDSLnnn: a diagnostic's page — why it is reported and how to fix it — from the pages the tool carries.</summary>
internal static class ExplainCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("id") { Description = "A diagnostic id, such as DDSL101" }.AcceptOnlyFromAmong([.. Descriptors.All.Select(d => d.Id)]);
        var command = new Command("explain", "Print a diagnostic's page: why it is reported and how to fix it.") { id };
        command.SetAction(parse =>
        {
            // Every id the parser accepts has its page (DiagnosticPagesTests): a missing one is a packaging bug, exit 70.
            System.Console.Write(DiagnosticPages.Read(parse.GetValue(id)!) ?? throw new InvalidOperationException($"no page for {parse.GetValue(id)} in this build"));
            return ExitCodes.Ok;
        });
        return command;
    }
}
