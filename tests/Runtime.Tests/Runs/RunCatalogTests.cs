using DeepDsl.Runs;

namespace DeepDsl.Runtime.Tests.Runs;

/// <summary>A run is found by its folder, its experiment's name (the latest run) or a unique id prefix; anything else says what there is.</summary>
public sealed class RunCatalogTests
{
    private static string RunsFolder(params string[] runs)
    {
        var root = Directory.CreateTempSubdirectory("deepdsl-runs-").FullName;
        foreach (var run in runs)
        {
            Directory.CreateDirectory(Path.Combine(root, run));
            File.WriteAllText(Path.Combine(root, run, RunDirectory.SpecFileName), "name: x\n");
        }
        Directory.CreateDirectory(Path.Combine(root, "selu", "not-a-run"));
        return root;
    }

    [Fact]
    public void An_experiment_name_finds_its_latest_run()
    {
        var root = RunsFolder("selu/20250101-120000-aaaa", "selu/20250102-090000-bbbb", "elu/20250103-000000-cccc");
        Assert.EndsWith("20250102-090000-bbbb", RunCatalog.Find("selu", root).Path);
    }

    [Fact]
    public void A_unique_id_prefix_or_experiment_slash_prefix_finds_that_run()
    {
        var root = RunsFolder("selu/20250101-120000-aaaa", "selu/20250102-090000-bbbb", "elu/20250103-000000-cccc");
        Assert.EndsWith("20250103-000000-cccc", RunCatalog.Find("20250103", root).Path);
        Assert.EndsWith("20250101-120000-aaaa", RunCatalog.Find("selu/20250101", root).Path);
    }

    [Fact]
    public void A_path_is_taken_as_it_is()
    {
        var root = RunsFolder("selu/20250101-120000-aaaa");
        var folder = Path.Combine(root, "selu", "20250101-120000-aaaa");
        Assert.Equal(folder, RunCatalog.Find(folder, "/nonexistent").Path);
    }

    [Fact]
    public void An_ambiguous_prefix_lists_the_candidates_and_an_unknown_name_the_experiments()
    {
        var root = RunsFolder("selu/20250101-120000-aaaa", "elu/20250101-130000-cccc");
        Assert.Contains("matches 2 runs", Assert.Throws<FileNotFoundException>(() => RunCatalog.Find("2025", root)).Message);
        Assert.Contains("experiments: elu, selu", Assert.Throws<FileNotFoundException>(() => RunCatalog.Find("relu", root)).Message);
    }

    [Fact]
    public void The_list_is_ordered_by_start_time_and_skips_folders_that_are_not_runs()
    {
        var root = RunsFolder("selu/20250102-000000-bbbb", "elu/20250101-000000-aaaa");
        Assert.Equal(["elu/20250101-000000-aaaa", "selu/20250102-000000-bbbb"], RunCatalog.List(root).Select(r => r.Name));
    }
}
