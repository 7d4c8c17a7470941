using System.Text.RegularExpressions;

namespace DeepDsl.Cli.Tests;

/// <summary>
/// Every apt call in the repository's scripts waits for apt's lock instead of failing at once (exit 100 after 5 s when
/// another apt runs, issue 19 item 3). Reproducing a held lock needs root apt, so this reads the scripts: each call of
/// apt or apt-get carries `-o DPkg::Lock::Timeout=N`.
/// </summary>
public sealed partial class AptLockTests
{
    [Fact]
    public void Every_apt_call_in_the_scripts_waits_for_the_lock()
    {
        var scripts = Directory.EnumerateFiles(Path.Combine(Repository.Root, "scripts"), "*.sh")
            .Append(Path.Combine(Repository.Root, "test.sh")).Append(Path.Combine(Repository.Root, "deepdsl")).ToList();
        Assert.Contains(scripts, s => Calls(File.ReadAllText(s)).Any());
        var waitless = scripts.SelectMany(s => Calls(File.ReadAllText(s)).Where(c => !WaitsForLock(c)).Select(c => $"{Path.GetFileName(s)}: {c}")).ToList();
        Assert.True(waitless.Count == 0, "apt calls without -o DPkg::Lock::Timeout:\n" + string.Join("\n", waitless));
    }

    [Theory]
    [InlineData("  sudo apt-get update -qq", false)]
    [InlineData("apt install -y chromium", false)]
    [InlineData("x && apt-get -o DPkg::Lock::Timeout=600 install -y g++", true)]
    public void The_check_tells_a_waiting_call_from_one_that_fails_on_the_lock(string line, bool waits)
    {
        var call = Assert.Single(Calls(line));
        Assert.Equal(waits, WaitsForLock(call));
    }

    [Fact]
    public void Comments_and_messages_that_name_apt_are_not_calls() =>
        Assert.Empty(Calls("# installs chromium (apt) when missing\necho \"installing g++ (apt)\" >&2\n"));

    /// <summary>The lines of a script that run apt or apt-get (outside comments and quoted messages).</summary>
    private static IEnumerable<string> Calls(string script) =>
        script.Split('\n')
            .Select(line => Quoted().Replace(line.TrimStart().StartsWith('#') ? "" : line, "\"\""))
            .Where(line => AptCommand().IsMatch(line))
            .Select(line => line.Trim());

    private static bool WaitsForLock(string call) => call.Contains("-o DPkg::Lock::Timeout=", StringComparison.Ordinal);

    [GeneratedRegex(@"(^|[\s;&|(])(apt|apt-get)\s")]
    private static partial Regex AptCommand();

    [GeneratedRegex("\"[^\"]*\"")]
    private static partial Regex Quoted();
}
