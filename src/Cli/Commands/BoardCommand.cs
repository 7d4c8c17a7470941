using System.CommandLine;
using DeepDsl.Cli.Board;
using Microsoft.Extensions.Hosting;

namespace DeepDsl.Cli.Commands;

/// <summary>
/// deepdsl board [--runs DIR] [--port N] [--host H]: a local web page of the runs under the runs folder, live while they train
/// (docs/board.md). Prints the URL on one line, serves until Ctrl+C.
/// </summary>
internal static class BoardCommand
{
    public static Command Create()
    {
        var root = RunsFolder.Option();
        var port = new Option<int>("--port") { Description = "Port to listen on; 0 (the default) takes a free one", DefaultValueFactory = _ => 0 };
        port.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 0 or > 65535) result.AddError("--port must be 0 (a free port) or 1 to 65535");
        });
        var host = new Option<string>("--host")
        {
            Description = "Address to listen on: the loopback address unless you mean to share the board (0.0.0.0: every interface)",
            DefaultValueFactory = _ => BoardOptions.LoopbackHost,
        };
        var command = new Command("board", "Serve a live web page of the runs (read-only) and print its URL.") { root, port, host };
        command.SetAction(async (parse, cancel) =>
        {
            var options = new BoardOptions(parse.GetValue(root)!, parse.GetValue(host)!, parse.GetValue(port));
            await using var app = BoardServer.Build(options);
            await app.StartAsync(cancel);
            System.Console.WriteLine($"deepdsl board: {BoardServer.Url(app)} (runs: {TerminalText.Escape(Path.GetFullPath(options.RunsRoot))}; Ctrl+C stops it)");
            await app.WaitForShutdownAsync(cancel);
            return ExitCodes.Ok;
        });
        return command;
    }
}
