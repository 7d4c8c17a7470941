using System.Xml.Linq;
using DeepDsl.Torch;
using DeepDsl.Torch.Serialization;

namespace DeepDsl.Cli.Tests;

/// <summary>
/// Text from a spec, a record or a shared folder's names never reaches the terminal raw: ESC (which starts a terminal
/// command: `\e[2J` clears the screen), CR (which rewrites the line a reader trusts) and BEL print as visible \uXXXX escapes,
/// through the one escape of the console edge (TerminalText.Escape).
/// </summary>
[Collection("finished sweep")]
public sealed class ConsoleEscapingCliTests(FinishedSweep sweep)
{
    private const string Hostile = "\u001b[2J\u001b[H\r\u0007";

    private const string Escaped = @"\u001b[2J\u001b[H\u000d\u0007";

    [Fact]
    public void A_spec_description_with_terminal_commands_prints_escaped_in_run()
    {
        var project = sweep.NewCase("description");
        File.WriteAllText(Path.Combine(project.Root, "spec.yaml"), Tiny("description: \"wipe \\e[2J\\e[H\\r\\a done\""));
        var result = DeepDslProcess.Run(project.Root, "run", "spec.yaml", "--runs", "runs");
        Assert.True(result.Exit == 0, result.ToString());
        Assert.Contains($"wipe {Escaped} done", result.Output);
        AssertNothingRaw(result);
    }

    [Fact]
    public void A_monitored_metric_with_terminal_commands_is_escaped_in_its_diagnostic()
    {
        var project = sweep.NewCase("monitor");
        File.WriteAllText(Path.Combine(project.Root, "spec.yaml"), Tiny("") + "  early_stopping: { monitor: \"val_\\e[2J\\e[H\\r\\a\", patience: 2 }\n");
        foreach (var command in new[] { new[] { "validate", "spec.yaml" }, ["run", "spec.yaml", "--runs", "runs"] })
        {
            var result = DeepDslProcess.Run(project.Root, command);
            Assert.True(result.Exit == 1, result.ToString());
            Assert.Contains("DDSL501", result.Output + result.Error);
            Assert.Contains($"'val_{Escaped}'", result.Output + result.Error);
            AssertNothingRaw(result);
        }
    }

    [Fact]
    public void Folder_names_of_a_shared_runs_folder_print_escaped_in_runs()
    {
        var project = sweep.NewCase("folder-names");
        Directory.Move(Path.GetDirectoryName(project.Run)!, Path.Combine(project.Root, "runs", "rec" + Hostile + "ords"));
        var result = DeepDslProcess.Run(project.Root, ["runs", "--runs", "runs"], new Dictionary<string, string> { ["COLUMNS"] = "300" });
        Assert.True(result.Exit == 0, result.ToString());
        Assert.Contains($"rec{Escaped}ords/", result.Output);
        AssertNothingRaw(result);
    }

    [Fact]
    public void Run_folder_names_with_characters_xml_cannot_hold_still_make_a_valid_figure_and_page()
    {
        var project = sweep.NewCase("xml-names");
        var first = Path.Combine(Path.GetDirectoryName(project.Run)!, "a\u0001" + Hostile);
        var second = Path.Combine(Path.GetDirectoryName(project.Run)!, "b\ufffe");
        FinishedSweep.CopyFolder(project.Run, first);
        Directory.Move(project.Run, second);
        foreach (var figure in new[] { "x.svg", "x.html" })
        {
            var result = DeepDslProcess.Run(project.Root, "compare", first, second, "--out", figure);
            Assert.True(result.Exit == 0, result.ToString());
            AssertNothingRaw(result);
            var text = File.ReadAllText(Path.Combine(project.Root, figure));
            Assert.Contains(@"a\u0001\u001b[2J", text);
            Assert.Contains(@"b\ufffe", text);
            Assert.DoesNotContain('\u0001', text);
            Assert.DoesNotContain('\ufffe', text);
            if (figure.EndsWith(".svg", StringComparison.Ordinal)) XDocument.Parse(text);
        }
    }

    [Fact]
    public void Checkpoint_tensor_names_are_escaped_in_errors()
    {
        var project = sweep.NewCase("tensor-names");
        var best = Path.Combine(project.Run, "checkpoints", "best.safetensors");
        using (var scope = torch.NewDisposeScope())
        {
            var (tensors, metadata) = SafeTensors.Load(best);
            var name = tensors.Keys.First();
            tensors[name + Hostile] = tensors[name];
            tensors.Remove(name);
            metadata.Remove(SafeTensors.DataChecksumKey);
            SafeTensors.Save(best, tensors, metadata, recordChecksum: true);
        }
        var result = DeepDslProcess.Run(project.Root, "eval", project.Run);
        // An error is one line: its line endings become spaces, and everything else is escaped.
        DeepDslProcess.AssertUserError(result, @"\u001b[2J\u001b[H \u0007]");
        AssertNothingRaw(result);
    }

    private static string Tiny(string description) => TinySpec.Named("tiny", "samples: 60, classes: 2, validation: 20", description);

    private static void AssertNothingRaw(DeepDslProcess.Result result) =>
        Assert.False((result.Output + result.Error).Any(c => c is '\u001b' or '\r' or '\u0007' or '\u0001' or '\ufffe'), result.ToString());
}
