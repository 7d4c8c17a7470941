namespace DeepDsl.Generator.Tests;

/// <summary>
/// The generated source of each exercise experiment, checked in under Snapshots/ and reviewed as code.
/// After an intended change to the emitter: DEEPDSL_UPDATE_SNAPSHOTS=1 dotnet test, then review the diff.
/// </summary>
public sealed class SnapshotTests
{
    public static TheoryData<string> Specs() => new(Directory.GetFiles(Repository.Experiments, "*.yaml").Select(Path.GetFileNameWithoutExtension).Order()!);

    [Theory]
    [MemberData(nameof(Specs))]
    public void Generated_source_matches_its_snapshot(string spec)
    {
        var harness = new GeneratorHarness();
        var result = harness.Run(GeneratorHarness.ExperimentFiles());
        var experimentName = System.Text.RegularExpressions.Regex.Match(File.ReadAllText(Path.Combine(Repository.Experiments, spec + ".yaml")), @"(?m)^name: (\S+)").Groups[1].Value;
        var tree = result.GeneratedTrees.Single(t => Path.GetFileName(t.FilePath) == DeepDsl.Dsl.Naming.Names.Identifier(experimentName) + ".g.cs");
        var actual = tree.ToString().Replace(Repository.Root, "{repo}");
        var snapshot = Path.Combine(Repository.Root, "tests", "Generator.Tests", "Snapshots", spec + ".g.cs.txt");
        if (Environment.GetEnvironmentVariable("DEEPDSL_UPDATE_SNAPSHOTS") == "1") File.WriteAllText(snapshot, actual);
        Assert.True(File.Exists(snapshot), $"no snapshot {snapshot}: run with DEEPDSL_UPDATE_SNAPSHOTS=1 and review it");
        Assert.Equal(File.ReadAllText(snapshot), actual);
    }
}
