using System.Diagnostics;
using System.Text;

namespace DeepDsl.Cli.Tests;

/// <summary>
/// The CLI meets hostile specs and command lines as a user's shell would deliver them: every outcome is exit 0, 1 or 2
/// with a one-line message, never a stack trace, a hang, or a file read that the spec had no business reading.
/// </summary>
public sealed class UntrustedInputCliTests : IDisposable
{
    private const string Valid = TinySpec.Text;

    private readonly string project = Directory.CreateTempSubdirectory("deepdsl-untrusted-").FullName;

    public UntrustedInputCliTests() => Directory.CreateDirectory(Path.Combine(project, ".git"));

    public void Dispose() => Directory.Delete(project, recursive: true);

    [Theory]
    [InlineData("/dev/zero", "DDSL017")]
    [InlineData("/proc/self/environ", "DDSL017")]
    [InlineData("/etc/passwd", "DDSL017")]
    [InlineData("fifo", "DDSL017")]
    [InlineData("folder", "DDSL017")]
    [InlineData("../elsewhere.yaml", "DDSL017")]
    [InlineData("notes.yaml", "DDSL009")]
    public void Extends_opens_only_specs_inside_the_project_and_never_echoes_what_it_refused(string target, string id)
    {
        Directory.CreateDirectory(Path.Combine(project, "folder"));
        Mkfifo(Path.Combine(project, "fifo"));
        File.WriteAllText(Path.Combine(project, "notes.yaml"), "secret_token: hunter2\n");
        File.WriteAllText(Path.Combine(project, "..", "elsewhere.yaml"), Valid.Replace("tiny", "secret-base"));
        File.WriteAllText(Path.Combine(project, "spec.yaml"), $"extends: {target}\n" + Valid);
        var result = DeepDslProcess.Run(project, ["validate", "spec.yaml"], timeoutSeconds: 60);
        DeepDslProcess.AssertUserError(result, id);
        Assert.DoesNotContain("hunter2", result.Output + result.Error);
        Assert.DoesNotContain("root:", result.Output + result.Error);
        Assert.DoesNotContain("secret-base", result.Output + result.Error);
    }

    [Fact]
    public void A_symbolic_link_inside_the_project_cannot_lead_extends_out_of_it()
    {
        var outside = Directory.CreateTempSubdirectory("deepdsl-outside-").FullName;
        File.WriteAllText(Path.Combine(outside, "base.yaml"), Valid);
        File.CreateSymbolicLink(Path.Combine(project, "linked"), outside);
        File.WriteAllText(Path.Combine(project, "spec.yaml"), "extends: linked/base.yaml\nname: child\n");
        DeepDslProcess.AssertUserError(DeepDslProcess.Run(project, "validate", "spec.yaml"), "DDSL017");
        var allowed = DeepDslProcess.Run(project, ["validate", "spec.yaml"], new Dictionary<string, string> { ["DEEPDSL_EXTENDS_ROOT"] = "/" });
        Assert.True(allowed.Exit == 0, allowed.ToString());
        Directory.Delete(outside, recursive: true);
    }

    [Theory]
    [InlineData("validate", "")]
    [InlineData("run", "spec.yaml", "--epochs", "0")]
    [InlineData("run", "spec.yaml", "--device", "gpu")]
    [InlineData("eval", "somewhere", "--mc-dropout", "0")]
    [InlineData("eval", "somewhere", "--mc-dropout", "-1")]
    [InlineData("prune", "somewhere", "--sparsity", "NaN")]
    [InlineData("prune", "somewhere", "--sparsity", "1")]
    [InlineData("prune", "somewhere", "--sparsity", "-0.1")]
    [InlineData("lr-find", "spec.yaml", "--write", "best")]
    [InlineData("frobnicate")]
    [InlineData("run", "spec.yaml", "--nproc", "100000")]
    [InlineData("run", "spec.yaml", "--nproc", "0")]
    [InlineData("run", "spec.yaml", "--threads", "100000")]
    [InlineData("sweep", "spec.yaml", "--tasks-per-trial", "100000")]
    [InlineData("sweep", "spec.yaml", "--parallel", "100000")]
    public void Values_out_of_their_range_are_usage_errors_naming_the_argument(params string[] arguments)
    {
        File.WriteAllText(Path.Combine(project, "spec.yaml"), Valid);
        var result = DeepDslProcess.Run(project, arguments);
        Assert.True(result.Exit == 2, result.ToString());
        Assert.StartsWith("deepdsl: error:", result.Error);
        DeepDslProcess.AssertNoStackTrace(result);
    }

    [Fact]
    public void A_model_larger_than_memory_is_one_line_not_a_crash()
    {
        File.WriteAllText(Path.Combine(project, "huge.yaml"), Valid.Replace("input: [4]", "input: [40000]")
            .Replace("    - dense: { units: 2, activation: softmax }", "    - dense: { units: 2000000000, activation: relu, kernel_init: he_normal }\n    - dense: { units: 2, activation: softmax }"));
        DeepDslProcess.AssertUserError(DeepDslProcess.Run(project, "run", "huge.yaml", "--runs", "runs"), "out of memory");
    }

    [Fact]
    public void A_folder_that_is_not_a_run_is_one_line_naming_it()
    {
        File.WriteAllText(Path.Combine(project, "spec.yaml"), Valid);
        Directory.CreateDirectory(Path.Combine(project, "not-a-run"));
        DeepDslProcess.AssertUserError(DeepDslProcess.Run(project, "run", "spec.yaml", "--resume", "not-a-run"), "is not a DeepDsl run folder");
        DeepDslProcess.AssertUserError(DeepDslProcess.Run(project, "eval", "not-a-run"), "is not a DeepDsl run folder");
        DeepDslProcess.AssertUserError(DeepDslProcess.Run(project, "prune", "missing", "--sparsity", "0.5"), "no run 'missing'");
    }

    [Fact]
    public void A_damaged_summary_is_listed_as_damaged_the_other_runs_still_show_and_the_exit_code_says_so()
    {
        var damaged = Path.Combine(project, "runs", "tiny", "20260101-000000-abc");
        Directory.CreateDirectory(damaged);
        File.WriteAllText(Path.Combine(damaged, "spec.yaml"), Valid);
        File.WriteAllText(Path.Combine(damaged, "summary.json"), "{ \"experiment\": ");
        var result = DeepDslProcess.Run(project, ["runs"], new Dictionary<string, string> { ["COLUMNS"] = "200" });
        Assert.True(result.Exit == 1, result.ToString());
        Assert.Contains("tiny/20260101-000000-abc  damaged", result.Output);
        Assert.StartsWith($"deepdsl: error: {Path.Combine(damaged, "summary.json")} is damaged", result.Error);
        Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.DoesNotContain("\u001b[", result.Output + result.Error); // no colour codes when output is not a terminal
    }

    [Fact]
    public void Hostile_specs_give_exit_0_1_or_2_and_no_stack_trace_in_every_command()
    {
        Directory.CreateDirectory(Path.Combine(project, "folder"));
        Mkfifo(Path.Combine(project, "fifo"));
        var files = HostileSpecs(new Random(20261124)).Select((text, i) =>
        {
            var path = Path.Combine(project, $"h{i:D3}.yaml");
            File.WriteAllText(path, text);
            return path;
        }).ToList();
        var results = new List<DeepDslProcess.Result>
        {
            DeepDslProcess.Run(project, ["validate", .. files], timeoutSeconds: 120),
            DeepDslProcess.Run(project, ["fmt", "--check", .. files], timeoutSeconds: 120),
        };
        foreach (var file in files.Where((_, i) => i % 25 == 0))
        {
            results.Add(DeepDslProcess.Run(project, ["show", "--resolved", file], timeoutSeconds: 60));
            results.Add(DeepDslProcess.Run(project, ["diff", file, files[0]], timeoutSeconds: 60));
        }
        foreach (var result in results)
        {
            Assert.True(result.Exit is 0 or 1 or 2, result.ToString());
            DeepDslProcess.AssertNoStackTrace(result);
        }
    }

    /// <summary>Structured mutations of a valid spec: line terminators in every string, deep nesting, huge integers, extends to what is no spec.</summary>
    private static IEnumerable<string> HostileSpecs(Random random)
    {
        string[] strings = ["\"a\\nb\"", "\"\\r\\n#line 1\"", "\"\\L\\P\\N\"", "\"*/ \\\" \\\\\"", "\"\\0\"", "\"\\U0001F600\"", "\"\\uD800\""];
        string[] integers = ["2147483648", "9223372036854775808", "-9223372036854775809", "1e400", "-1"];
        string[] targets = ["/dev/zero", "/dev/urandom", "/proc/self/environ", "fifo", "folder", "../../../../etc/passwd", "/etc/shadow", "h000.yaml", "\"\""];
        for (var i = 0; i < 120; i++)
        {
            var s = strings[random.Next(strings.Length)];
            var n = integers[random.Next(integers.Length)];
            yield return (i % 6) switch
            {
                0 => Valid.Replace("name: tiny", $"name: {s}") + $"\ndescription: {s}\n",
                1 => Valid.Replace("epochs: 1", $"epochs: {n}\n  batch_size: {n}\n  device: {s}"),
                2 => Valid.Replace("samples: 100", $"samples: {n}, path: {s}"),
                3 => $"extends: {targets[random.Next(targets.Length)]}\n" + Valid,
                4 => string.Concat(Enumerable.Repeat(random.Next(2) == 0 ? "[" : "{a: ", random.Next(1, 100_000))),
                _ => Valid.Replace("units: 2", $"units: {n}").Replace("input: [4]", $"input: [{n}, {n}]"),
            };
        }
    }

    private static void Mkfifo(string path)
    {
        using var process = Process.Start("mkfifo", path)!;
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
    }
}
