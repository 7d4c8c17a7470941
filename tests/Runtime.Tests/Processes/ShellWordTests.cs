using System.Diagnostics;
using DeepDsl.Processes;

namespace DeepDsl.Runtime.Tests.Processes;

/// <summary>The one shell quoting: bash receives every word exactly, and a script's variable only where a word asks for it.</summary>
public sealed class ShellWordTests
{
    public static TheoryData<string> Hostile => new()
    {
        "plain", "two words", "it's", "'", "''", "$(touch pwned)", "`touch pwned`", "a;b", "new\nline", "%A_%a", "\\", "\"", "$HOME", "ünïcødé", "",
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Bash_receives_a_quoted_word_as_it_was_written(string word)
    {
        Assert.Equal([word], Words($"printf '%s\\0' {ShellWord.Quote(word)}"));
    }

    [Fact]
    public void A_line_is_each_word_once_in_order()
    {
        string[] words = ["deepdsl", "run", "a b.yaml", "--run-folder", "it's/$x"];
        Assert.Equal(words, Words($"printf '%s\\0' {ShellWord.Line(words)}"));
    }

    [Fact]
    public void A_variable_word_is_the_variable_value_as_one_word()
    {
        var line = ShellWord.Line(["run", ShellWord.Variable("spec"), "--run-folder", ShellWord.Variable("run")]);
        Assert.Equal(["run", "/a folder/x.yaml", "--run-folder", "$(not run)"], Words($"spec='/a folder/x.yaml'; run='$(not run)'; printf '%s\\0' {line}"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("1st")]
    [InlineData("a-b")]
    [InlineData("x}; touch pwned; #")]
    public void A_variable_is_only_a_shell_name(string name)
    {
        Assert.Throws<ArgumentException>(() => ShellWord.Variable(name));
    }

    private static string[] Words(string script)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, ArgumentList = { "-c", script } };
        using var bash = Process.Start(start)!;
        var output = bash.StandardOutput.ReadToEnd();
        bash.WaitForExit();
        Assert.Equal(0, bash.ExitCode);
        return output.Split('\0')[..^1];
    }
}
