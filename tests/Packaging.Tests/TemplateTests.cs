using System.IO.Compression;

namespace DeepDsl.Packaging.Tests;

/// <summary>The DeepDsl.Templates package: dotnet new deepdsl, and the project it makes as its user meets it.</summary>
[Collection(PackageFeedCollection.Name)]
public sealed class TemplateTests(PackageFeed feed)
{
    private static readonly string Schema = File.ReadAllText(Path.Combine(Repository.Root, "schema", "deepdsl.schema.json"));

    [Fact]
    public void A_project_made_by_dotnet_new_deepdsl_builds_and_lists_its_experiments()
    {
        var project = feed.BuiltTemplateProject;
        Assert.True(File.Exists(Path.Combine(project, ".globalconfig")));
        Assert.True(File.Exists(Path.Combine(project, "README.md")));

        var list = PackageFeed.Expect(0, feed.Dotnet(project, "run --no-build"));
        Assert.Contains("cifar10-elu-he-nadam", list.Output);
        Assert.Contains("cifar10-selu", list.Output);
    }

    /// <summary>Issue 19 (4): Program.cs crashed with exit 134 and a stack trace where the CLI prints one line.</summary>
    [Fact]
    public void Run_without_data_is_the_clis_one_error_line_and_exit_1()
    {
        var project = feed.BuiltTemplateProject;
        var environment = WithoutData("no-data");

        var run = ChildProcess.Run(project, "dotnet", $"\"{Path.Combine(project, "bin", "Debug", "net10.0", "MyStudy.dll")}\" cifar10-selu 1", environment);
        PackageFeed.Expect(1, run);
        var error = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("MyStudy: error: CIFAR-10 was not found.", error);
        Assert.DoesNotContain("Unhandled exception", run.Output);
        Assert.DoesNotContain("   at ", run.Output);
        Assert.Contains("Total params: 500,210", run.Output); // the model summary came first, as in deepdsl run

        var cli = PackageFeed.Expect(1, ChildProcess.Run(project, feed.Tool, "run experiments/selu.yaml --epochs 1", environment));
        Assert.Equal(Assert.Single(cli.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries)).Replace("deepdsl: ", ""), error.Replace("MyStudy: ", ""));
    }

    [Fact]
    public void A_name_that_is_no_experiment_is_one_usage_line_and_exit_2()
    {
        var run = ChildProcess.Run(feed.BuiltTemplateProject, "dotnet", $"\"{Path.Combine(feed.BuiltTemplateProject, "bin", "Debug", "net10.0", "MyStudy.dll")}\" cifar10-sleu", feed.Environment);
        PackageFeed.Expect(2, run);
        Assert.Equal("MyStudy: error: no experiment named 'cifar10-sleu'; the experiments are: cifar10-elu-he-nadam, cifar10-selu", run.Error.Trim());
    }

    [Fact]
    public void Run_with_data_prints_the_model_summary_a_line_per_epoch_the_run_folder_and_the_status()
    {
        var project = feed.NewTemplateProject("Trained");
        File.WriteAllText(Path.Combine(project, "experiments", "clusters.yaml"), Specs.Clusters);
        PackageFeed.Expect(0, feed.Dotnet(project, "build"));

        var run = PackageFeed.Expect(0, ChildProcess.Run(project, "dotnet", $"\"{Path.Combine(project, "bin", "Debug", "net10.0", "Trained.dll")}\" clusters 2", WithoutData("trained")));
        var lines = run.Output.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        int Line(string start) => lines.FindIndex(l => l.StartsWith(start, StringComparison.Ordinal));
        Assert.True(Line("Experiment clusters (") >= 0, run.Output);
        Assert.True(Line("Total params: ") > Line("Experiment clusters ("), run.Output);
        Assert.True(Line("Epoch 1/2 - ") > Line("Total params: "), run.Output);
        Assert.True(Line("Epoch 2/2 - ") > Line("Epoch 1/2 - "), run.Output);
        Assert.True(Line("Run: ") > Line("Epoch 2/2 - "), run.Output);
        Assert.Matches(@"^Status: completed; best epoch \d \(val_loss [0-9.]+\); val_accuracy there [0-9.]+ %; test accuracy [0-9.]+ %; [0-9.]+ s/epoch on cpu$", lines[Line("Status: ")]);
        var folder = lines[Line("Run: ")]["Run: ".Length..];
        Assert.True(File.Exists(Path.Combine(project, folder, "summary.json")), run.Output);
        Assert.Equal("", run.Error);
    }

    /// <summary>
    /// Issue 24: the template's Program.cs trains through the same run layer as `deepdsl run`: on one spec, the same console
    /// lines (times and the run folder's name aside), the same files in the run folder, the same summary and exit code.
    /// The error case (no data: one line, exit 1) is <see cref="Run_without_data_is_the_clis_one_error_line_and_exit_1"/>.
    /// </summary>
    [Fact]
    public void The_programs_run_and_deepdsl_run_of_one_spec_print_record_and_exit_alike()
    {
        var project = feed.NewTemplateProject("Alike");
        File.WriteAllText(Path.Combine(project, "experiments", "clusters.yaml"), Specs.Clusters);
        PackageFeed.Expect(0, feed.Dotnet(project, "build"));
        var environment = WithoutData("alike");

        var program = ChildProcess.Run(project, "dotnet", $"\"{Path.Combine(project, "bin", "Debug", "net10.0", "Alike.dll")}\" clusters 2", environment);
        var cli = ChildProcess.Run(project, feed.Tool, "run experiments/clusters.yaml --epochs 2", environment);
        Assert.Equal(0, program.Exit);
        Assert.Equal(cli.Exit, program.Exit);
        Assert.Equal("", program.Error);
        Assert.Equal(cli.Error, program.Error);
        Assert.Equal(Comparable(cli.Output), Comparable(program.Output));

        var (programRun, cliRun) = (Path.Combine(project, RunFolder(program.Output)), Path.Combine(project, RunFolder(cli.Output)));
        Assert.NotEqual(programRun, cliRun);
        Assert.Equal(Files(cliRun), Files(programRun));
        Assert.Equal(Summary(cliRun), Summary(programRun));
    }

    // Times and the run folder's name (its timestamp) are what two runs of one spec may print differently; the first line is the command.
    private static string Comparable(string output) => System.Text.RegularExpressions.Regex.Replace(
        System.Text.RegularExpressions.Regex.Replace(output.Replace("\r", "")[(output.IndexOf('\n') + 1)..], @"[0-9.]+ ?s(/epoch)?\b", "T s$1"),
        @"^Run: .*$", "Run: FOLDER", System.Text.RegularExpressions.RegexOptions.Multiline);

    private static string RunFolder(string output) =>
        output.Split('\n').Select(l => l.TrimEnd('\r')).Single(l => l.StartsWith("Run: ", StringComparison.Ordinal))["Run: ".Length..];

    private static string[] Files(string run) =>
        [.. Directory.GetFiles(run, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(run, f)).Order(StringComparer.Ordinal)];

    private static string Summary(string run)
    {
        var summary = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(run, "summary.json")))!.AsObject();
        foreach (var time in new[] { "wall_seconds", "seconds_per_epoch", "started", "finished", "spec_file" }) Assert.True(summary.Remove(time), time);
        summary["best"]!.AsObject().Remove("seconds");
        // The tool is built when it is packed, the library before: in a checkout with changes their version suffixes differ.
        Assert.True(summary["versions"]!.AsObject().Remove("deepdsl"));
        return summary.ToJsonString();
    }

    /// <summary>Issue 19 (7): editor support reaches package users: the package carries the schema, the build puts it where the specs' $schema line says.</summary>
    [Fact]
    public void The_template_specs_name_the_schema_that_the_package_carries_and_the_build_puts_beside_them()
    {
        using (var package = ZipFile.OpenRead(feed.PackageFile("DeepDsl")))
        using (var packed = new StreamReader(package.GetEntry("schema/deepdsl.schema.json")!.Open()))
            Assert.Equal(Schema, packed.ReadToEnd());

        var project = feed.BuiltTemplateProject;
        var specs = Directory.GetFiles(Path.Combine(project, "experiments"), "*.yaml");
        Assert.Equal(2, specs.Length);
        foreach (var spec in specs)
        {
            var first = File.ReadLines(spec).First();
            Assert.StartsWith("# yaml-language-server: $schema=", first);
            var named = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(spec)!, first["# yaml-language-server: $schema=".Length..]));
            Assert.True(File.Exists(named), $"{spec} names {named}, which the build did not make");
            Assert.Equal(Schema, File.ReadAllText(named));
        }
    }

    /// <summary>The feed's environment, with CIFAR-10 nowhere to be found and no download.</summary>
    private Dictionary<string, string> WithoutData(string name)
    {
        var empty = Directory.CreateDirectory(Path.Combine(feed.Root, "empty-" + name)).FullName;
        return new Dictionary<string, string>(feed.Environment)
        {
            ["DEEPDSL_OFFLINE"] = "1", ["DEEPDSL_DATA"] = empty, ["DEEPDSL_CACHE"] = empty,
            ["XDG_CACHE_HOME"] = Path.Combine(feed.Root, "xdg-cache"),
        };
    }
}
