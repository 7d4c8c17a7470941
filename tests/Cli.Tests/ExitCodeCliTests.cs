using System.Text.RegularExpressions;

namespace DeepDsl.Cli.Tests;

/// <summary>
/// One rule for exit codes (issue 19 item 11, docs/security.md "Exit codes"): a spec that is not there is the user's
/// error, exit 1 with one line naming it, whichever command reads it; only a wrong command line is exit 2.
/// </summary>
public sealed partial class ExitCodeCliTests
{
    [Theory]
    [InlineData("run")]
    [InlineData("sweep")]
    [InlineData("validate")]
    [InlineData("generate")]
    [InlineData("show")]
    [InlineData("show", "--resolved")]
    [InlineData("fmt")]
    [InlineData("fmt", "--check")]
    [InlineData("lr-find")]
    public void A_missing_spec_is_exit_1_naming_it_for_every_command_that_reads_one(params string[] command)
    {
        var folder = Directory.CreateTempSubdirectory("deepdsl-missing-").FullName;
        var result = DeepDslProcess.Run(folder, [.. command, "missing.yaml"]);
        DeepDslProcess.AssertUserError(result, "missing.yaml");
        Assert.Single(result.Error.TrimEnd().Split('\n'));
    }

    [Fact]
    public void Diff_keeps_diff_1s_codes_two_when_a_side_cannot_be_read()
    {
        var folder = Directory.CreateTempSubdirectory("deepdsl-missing-").FullName;
        File.WriteAllText(Path.Combine(folder, "a.yaml"), TinySpec.Text);
        Assert.Equal(2, DeepDslProcess.Run(folder, "diff", "a.yaml", "missing.yaml").Exit);
        Assert.Equal(0, DeepDslProcess.Run(folder, "diff", "a.yaml", "a.yaml").Exit);
    }

    [Fact]
    public void Git_commands_outside_a_repository_are_one_line_and_exit_1()
    {
        var folder = Directory.CreateTempSubdirectory("deepdsl-no-git-").FullName;
        var result = DeepDslProcess.Run(folder, [.. "git install".Split(' ')], new Dictionary<string, string> { ["GIT_CEILING_DIRECTORIES"] = Path.GetDirectoryName(folder)! });
        DeepDslProcess.AssertUserError(result, "not inside a git repository");
    }

    [Fact]
    public void The_cli_names_every_exit_code_by_its_constant()
    {
        // The commands' actions, and the checks whose result is a command's exit code.
        var literals = Directory.EnumerateFiles(Path.Combine(Repository.Root, "src", "Cli", "Commands"), "*.cs")
            .Append(Path.Combine(Repository.Root, "src", "Cli", "VersionControl", "PreCommitCheck.cs"))
            .Append(Path.Combine(Repository.Root, "src", "Cli", "Console", "RunReporter.cs"))
            .SelectMany(f => File.ReadAllLines(f).Select((line, i) => (File: f, Line: i + 1, Text: line)))
            .Where(l => ExitLiteral().IsMatch(l.Text))
            .Select(l => $"{Path.GetRelativePath(Repository.Root, l.File)}:{l.Line}: {l.Text.Trim()}").ToList();
        Assert.True(literals.Count == 0, string.Join("\n", literals));
    }

    // `return 1;`, `Task.FromResult(2)`, `? 0 : 1;`, `exit = 1;`: an exit code written as a number.
    [GeneratedRegex(@"return \d+;|Task\.FromResult\(\d+\)|\? \d+ : \d+;|\bexit = \d+;")]
    private static partial Regex ExitLiteral();
}
