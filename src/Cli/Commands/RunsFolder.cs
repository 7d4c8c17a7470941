using System.CommandLine;
using DeepDsl.Runs;

namespace DeepDsl.Cli.Commands;

/// <summary>The `--runs` option every command that writes or finds runs shares, and how a run argument is described.</summary>
internal static class RunsFolder
{
    public const string RunDescription = "A run: its folder, its experiment's name (the latest run), or a unique prefix of its id";

    public static Option<string> Option() =>
        new("--runs") { Description = "Folder holding the runs", DefaultValueFactory = _ => RunCatalog.DefaultRoot };
}
