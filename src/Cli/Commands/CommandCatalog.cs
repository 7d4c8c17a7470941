using System.CommandLine;

namespace DeepDsl.Cli.Commands;

/// <summary>The one list of the CLI's commands; adding a command adds one line here.</summary>
internal static class CommandCatalog
{
    public static IEnumerable<Command> All()
    {
        yield return RunCommand.Create();
        yield return SweepCommand.Create();
        yield return GenerateCommand.Create();
        yield return LrFindCommand.Create();
        yield return EvalCommand.Create();
        yield return PruneCommand.Create();
        yield return CompareCommand.Create();
        yield return RunsCommand.Create();
        yield return BoardCommand.Create();
        yield return ValidateCommand.Create();
        yield return ShowCommand.Create();
        yield return FmtCommand.Create();
        yield return LspCommand.Create();
        yield return DiffCommand.Create();
        yield return SchemaCommand.Create();
        yield return ExplainCommand.Create();
        yield return GitCommand.Create();
        yield return InfoCommand.Create();
    }
}
