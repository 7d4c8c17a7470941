namespace DeepDsl.Packaging.Tests;

/// <summary>A console project outside the repository that adds the DeepDsl package and nothing else.</summary>
[Collection(PackageFeedCollection.Name)]
public sealed class PackageReferenceTests(PackageFeed feed)
{
    [Fact]
    public void A_spec_in_experiments_becomes_classes_that_Program_uses_and_dotnet_run_trains_one_epoch_into_a_run_folder()
    {
        var project = feed.CopyOfStudyProject("Trains");
        PackageFeed.Expect(0, feed.Dotnet(project, "build"));

        var run = PackageFeed.Expect(0, feed.Dotnet(project, "run --no-build"));
        Assert.Contains("ClustersModel; experiments: clusters", run.Output);
        var runs = Directory.GetDirectories(Path.Combine(project, "runs", "clusters"));
        Assert.True(File.Exists(Path.Combine(Assert.Single(runs), "summary.json")), run.Output);
    }

    [Fact]
    public void An_invalid_selu_spec_in_experiments_fails_the_build_at_its_yaml_line_and_column()
    {
        var (project, spec) = StudyWithInvalidSeluSpec("InvalidSelu");

        var build = PackageFeed.Expect(1, feed.Dotnet(project, "build"));
        Assert.Contains($"{Specs.InvalidSeluInitializer(spec)}: error DDSL101:", build.Output);
        Assert.DoesNotContain("error CS", build.Output);
    }

    /// <summary>
    /// Program.cs sits beside the .globalconfig, so the SDK passes it to the compiler; DeepDsl's targets
    /// used to pass it a second time, and Roslyn drops every key two global configs share.
    /// </summary>
    [Fact]
    public void A_globalconfig_beside_the_project_makes_the_rule_a_warning_exactly_once()
    {
        var (project, spec) = StudyWithInvalidSeluSpec("GlobalConfig");
        File.WriteAllText(Path.Combine(project, ".globalconfig"), "is_global = true\ndotnet_diagnostic.DDSL101.severity = warning\n");

        var build = PackageFeed.Expect(0, feed.Dotnet(project, "build"));
        Assert.Contains($"{Specs.InvalidSeluInitializer(spec)}: warning DDSL101:", build.Output);
        Assert.DoesNotContain("MultipleGlobalAnalyzerKeys", build.Output);
    }

    [Fact]
    public void A_libtorch_that_cannot_be_loaded_is_one_error_naming_the_command_that_installs_it()
    {
        var project = feed.CopyOfStudyProject("NoLibTorch");
        PackageFeed.Expect(0, feed.Dotnet(project, "build"));
        var output = Path.Combine(project, "bin", "Debug", "net10.0");
        BrokenShim.Replace(Path.Combine(output, "runtimes", "linux-x64", "native", "libdeepdsl_native.so"));

        var run = feed.Dotnet(project, $"\"{Path.Combine(output, "Study.dll")}\"");
        // This Program.cs handles no exceptions, so .NET reports the unhandled one (the template's ExperimentConsole makes it one
        // line, exit 1: TemplateTests). What matters here is which one: neither engine loads (the broken shim, and no TorchSharp
        // libtorch referenced), said with the loader's reason and the install command, not a DllNotFoundException from a tensor call.
        Assert.NotEqual(0, run.Exit);
        Assert.Contains("LibTorchMissingException: no engine could load here", run.Output);
        Assert.Contains("libdeepdsl_missing_dependency.so: cannot open shared object file", run.Output);
        Assert.Contains("sudo apt-get install libtorch1.13 libopenblas0-pthread", run.Output);
        Assert.DoesNotContain("DllNotFoundException", run.Output);
    }

    private (string Project, string Spec) StudyWithInvalidSeluSpec(string name)
    {
        var project = feed.CopyOfStudyProject(name);
        var spec = Path.Combine(project, "experiments", "invalid-selu.yaml");
        File.WriteAllText(spec, Specs.InvalidSelu);
        return (project, spec);
    }
}
