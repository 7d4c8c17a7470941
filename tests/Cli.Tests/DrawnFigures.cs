using DeepDsl.LearningRateSearch;
using DeepDsl.Plots;
using DeepDsl.Training;

namespace DeepDsl.Cli.Tests;

/// <summary>
/// One of every kind of figure DeepDsl draws, made once for the browser layout tests: a run's learning curves (four
/// panels, the best epoch marked), an lr-find plot whose suggestions crowd together, the compare page of two runs, and
/// a real tiny sweep's report (per-parameter plots for a whole-number parameter and a log-spaced one, the top curves).
/// </summary>
public sealed class DrawnFigures
{
    public const string SweepSpec = """
        name: drawn
        seed: 1
        data: { dataset: synthetic, samples: 60, classes: 3, validation: 15 }
        model:
          input: [4]
          layers:
            - dense: { units: 3, activation: softmax }
        training:
          loss: sparse_categorical_crossentropy
          optimizer: { nadam: { learning_rate: 0.01 } }
          epochs: 1
        sweep:
          parameters:
            seed: [1, 2, 3]
            training.optimizer.nadam.learning_rate: [0.0005, 0.01]
        """;

    public DrawnFigures()
    {
        Folder = ComparePageTests.TwoRuns();
        var history = Enumerable.Range(1, 12).Select(e => new EpochMetrics(e, 5e-4 * Math.Sin(Math.PI * e / 13), 2.0 / e, 0.3 + 0.05 * e, 2.1 / e + 0.01 * e, 0.3 + 0.04 * e, 1,
            0.95 - 0.01 * Math.Sin(Math.PI * e / 13))).ToList();
        File.WriteAllText(Path.Combine(Folder, "curves.svg"), LearningCurves.Render("elu-he", history, bestEpoch: 9));
        File.WriteAllText(Path.Combine(Folder, "lr.svg"), LearningRatePlot.Render("elu-he", CrowdedSweep()));
        var compare = Processes.Deepdsl(Folder, ["compare", "elu-he", "selu", "--out", "compare.html"]);
        Assert.True(compare.Exit == 0, compare.Output);
        File.WriteAllText(Path.Combine(Folder, "sweep.yaml"), SweepSpec);
        var sweep = DeepDslProcess.Run(Folder, ["sweep", "sweep.yaml", "--runs", "runs"], timeoutSeconds: 300);
        Assert.True(sweep.Exit == 0, sweep.ToString());
    }

    /// <summary>The temporary folder holding the figures (and, after the tests, their PNG renders for a person to look at).</summary>
    public string Folder { get; }

    public string Report => Path.Combine(Folder, "runs", "drawn", "sweep", "report");

    /// <summary>A sweep whose four suggestions fall within a decade, so their labels must stack rather than collide.</summary>
    private static LrFinderResult CrowdedSweep()
    {
        var points = Enumerable.Range(0, 100).Select(i =>
        {
            var lr = 1e-6 * Math.Pow(10, i / 16.0);
            var loss = i < 60 ? 2.3 - 1.4 * i / 60.0 : 0.9 + Math.Pow(i - 60, 2) / 40.0;
            return (lr, loss + 0.05 * Math.Sin(i), loss);
        }).ToList();
        return new LrFinderResult(points, null, Minimum: points[60].lr, MinimumOverTen: points[60].lr / 10, Steepest: points[50].lr, Valley: points[53].lr);
    }
}
