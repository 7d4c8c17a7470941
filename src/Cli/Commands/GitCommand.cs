using System.CommandLine;
using DeepDsl.Cli.Errors;
using DeepDsl.Cli.VersionControl;

namespace DeepDsl.Cli.Commands;

/// <summary>
/// deepdsl git install|hook: experiments in version control (docs/version-control.md). The
/// `diff-driver` and `textconv` subcommands are what git itself calls once installed.
/// </summary>
internal static class GitCommand
{
    public static Command Create() =>
        new("git", "Use git with experiments: semantic diffs of resolved specs, a pre-commit check.")
        {
            Install(), Hook(), DiffDriver(), TextConv(),
        };

    private static Command Install()
    {
        var patterns = new Option<string[]>("--pattern") { Description = "A .gitattributes pattern for spec files (repeatable); default: the folders holding specs" };
        var command = new Command("install", "Configure this repository: the deepdsl diff driver and .gitattributes lines for the experiment folders.") { patterns };
        command.SetAction(parse =>
        {
            var git = Repository();
            foreach (var line in GitSetup.Install(git, parse.GetValue(patterns) ?? [])) System.Console.WriteLine(line);
            System.Console.WriteLine("git diff, git log -p and git show now show specs as resolved experiments.");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Hook()
    {
        var files = new Argument<string[]>("files") { Description = "Specs to check (default: the staged ones, as staged)", Arity = ArgumentArity.ZeroOrMore };
        var install = new Option<bool>("--install") { Description = "Write .git/hooks/pre-commit to run this check before each commit" };
        var command = new Command("hook", "The pre-commit check: validate and fmt --check the staged specs.") { files, install };
        command.SetAction(parse =>
        {
            var git = Repository();
            if (!parse.GetValue(install)) return PreCommitCheck.Run(git, parse.GetValue(files) ?? [], System.Console.Out);
            var (installed, message) = PreCommitHook.Install(git);
            (installed ? System.Console.Out : System.Console.Error).WriteLine(message);
            return installed ? ExitCodes.Ok : ExitCodes.Failed;
        });
        return command;
    }

    private static Command DiffDriver()
    {
        var arguments = new Argument<string[]>("arguments") { Description = "What git passes: path old-file old-hex old-mode new-file new-hex new-mode", Arity = ArgumentArity.ZeroOrMore };
        var command = new Command("diff-driver", "git's external diff driver (diff.deepdsl.command).") { arguments };
        command.Hidden = true;
        command.SetAction(parse =>
        {
            // Never fail git: no repository or any error still prints something and exits 0.
            if (Git.AtCurrentDirectory() is { } git) System.Console.Out.Write(ExternalDiffDriver.Render(git, parse.GetValue(arguments) ?? []));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command TextConv()
    {
        var file = new Argument<string>("file") { Description = "The file git hands over" };
        var command = new Command("textconv", "git's textconv driver (diff.deepdsl.textconv): a spec resolved.") { file };
        command.Hidden = true;
        command.SetAction(parse =>
        {
            var path = parse.GetValue(file)!;
            System.Console.Out.Write(Git.AtCurrentDirectory() is { } git ? TextConvDriver.Render(git, path) : File.Exists(path) ? File.ReadAllText(path) : "");
            return ExitCodes.Ok;
        });
        return command;
    }

    // Not being in a repository is the environment's error, not the command line's: one line, exit 1 (ErrorEdge).
    private static Git Repository()
    {
        return Git.AtCurrentDirectory() ?? throw new IOException($"{Environment.CurrentDirectory} is not inside a git repository; run deepdsl git there.");
    }
}
