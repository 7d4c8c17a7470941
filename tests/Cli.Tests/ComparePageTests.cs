using DeepDsl.Runs;
using DeepDsl.Training;

namespace DeepDsl.Cli.Tests;

/// <summary>
/// `compare --out x.html` opened in headless Chromium (scripts/browser.sh, which installs it on
/// demand): the comparison is an HTML table, the figure inline SVG; the page and a run's curves also
/// render to PNG (kept under the test's folder for a person to look at).
/// </summary>
public sealed class ComparePageTests
{
    internal static string TwoRuns()
    {
        var root = Directory.CreateTempSubdirectory("deepdsl-compare-").FullName;
        foreach (var (experiment, scale) in new[] { ("elu-he", 1.0), ("selu", 0.8) })
        {
            var run = new RunDirectory(Path.Combine(root, "runs", experiment, "20250101-120000-aaaaaaaaaaaa"));
            Directory.CreateDirectory(run.Path);
            run.WriteSpec("name: x\n");
            var history = Enumerable.Range(1, 6).Select(e => new EpochMetrics(e, 1e-3, scale * 2 / e, 0.4 + 0.05 * e, scale * 2.2 / e, 0.38 + 0.05 * e, 3)).ToList();
            run.WriteMetrics(history);
            run.WriteCurves(DeepDsl.Plots.LearningCurves.Render(experiment, history, bestEpoch: 6));
            run.WriteSummary(new RunSummary(experiment, "aaaaaaaaaaaa", "x.yaml", "completed", null, 6, 6, null,
                new Dictionary<string, double> { ["accuracy"] = 0.6 }, 18, 3, "cpu", 42, new Dictionary<string, string>(), DateTimeOffset.UnixEpoch, null));
        }
        return root;
    }

    [Fact]
    public void The_compare_page_is_an_html_table_and_a_figure_in_a_browser()
    {
        var root = TwoRuns();
        var (exit, output) = Run(root, "dotnet", Path.Combine(AppContext.BaseDirectory, "deepdsl.dll"), "compare", "elu-he", "selu", "--out", "compare.html");
        Assert.True(exit == 0, output);
        var (domExit, dom) = Run(root, Path.Combine(Repository.Root, "scripts", "browser.sh"), "dom", "compare.html");
        Assert.True(domExit == 0, dom);
        Assert.Contains("<table>", dom);
        Assert.Contains("<th scope=\"col\">val_accuracy there</th>", dom);
        Assert.Contains("<td>selu</td>", dom);
        Assert.DoesNotContain("|---|", dom);
        Assert.Contains("<svg", dom);

        Assert.Equal(0, Run(root, Path.Combine(Repository.Root, "scripts", "browser.sh"), "png", "compare.html", "compare.png").Exit);
        Assert.Equal(0, Run(root, Path.Combine(Repository.Root, "scripts", "browser.sh"), "png", "runs/selu/20250101-120000-aaaaaaaaaaaa/curves.svg", "curves.png", "1600", "420").Exit);
        Assert.True(new FileInfo(Path.Combine(root, "compare.png")).Length > 10_000);
        Assert.True(new FileInfo(Path.Combine(root, "curves.png")).Length > 10_000);
    }

    [Fact]
    public void Piped_compare_prints_one_markdown_table_naming_runs_of_one_experiment_by_folder()
    {
        var root = TwoRuns();
        var (exit, output) = Run(root, "dotnet", Path.Combine(AppContext.BaseDirectory, "deepdsl.dll"), "compare", "elu-he", "selu", "runs/elu-he/20250101-120000-aaaaaaaaaaaa", "--out", "c.svg");
        Assert.True(exit == 0, output);
        Assert.DoesNotContain("┌", output);
        Assert.Single(output.Split('\n'), line => line.StartsWith("| run |"));
        Assert.Equal(2, output.Split('\n').Count(line => line.StartsWith("| elu-he (20250101-120000-aaaaaaaaaaaa) |")));
        Assert.Single(output.Split('\n'), line => line.StartsWith("| selu |"));
    }

    private static (int Exit, string Output) Run(string folder, string program, params string[] arguments) => Processes.Run(folder, program, arguments);
}
