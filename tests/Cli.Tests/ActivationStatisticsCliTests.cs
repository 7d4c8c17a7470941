using System.Globalization;

namespace DeepDsl.Cli.Tests;

/// <summary>`deepdsl run --activation-stats N`: each layer's output mean and standard deviation in the first epoch, in the run's activations.csv.</summary>
public sealed class ActivationStatisticsCliTests
{
    private const string Spec = """
        name: probed
        data: { dataset: synthetic, samples: 400, classes: 2, standardize: true }
        model:
          input: [8]
          layers:
            - dense: { units: 16, activation: selu, kernel_init: lecun_normal }
            - dense: { units: 16, activation: selu, kernel_init: lecun_normal }
            - dense: { units: 2, activation: softmax }
        training:
          loss: sparse_categorical_crossentropy
          optimizer: sgd
          batch_size: 10
          epochs: 2
        """;

    [Fact]
    public void Every_layer_is_sampled_at_evenly_spaced_steps_of_the_first_epoch_only()
    {
        var folder = Directory.CreateTempSubdirectory("deepdsl-activations-").FullName;
        File.WriteAllText(Path.Combine(folder, "probed.yaml"), Spec);
        var run = DeepDslProcess.Run(folder, "run", "probed.yaml", "--activation-stats", "4");
        Assert.True(run.Exit == 0, run.ToString());
        var file = Path.Combine(Directory.GetDirectories(Path.Combine(folder, "runs", "probed")).Single(), "activations.csv");
        var lines = File.ReadAllLines(file);
        Assert.Equal("epoch,step,layer,mean,std", lines[0]);
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToList();
        // 40 steps in the epoch, 4 samples: steps 1, 11, 21, 31, each with the three layers in forward order; none from epoch 2.
        Assert.Equal(["1", "11", "21", "31"], rows.Select(r => r[1]).Distinct());
        Assert.All(rows, r => Assert.Equal("1", r[0]));
        Assert.Equal(["dense_1", "dense_2", "dense_3"], rows.Take(3).Select(r => r[2]));
        Assert.Equal(12, rows.Count);
        // Standardized inputs through LeCun-initialized SELU layers stay near mean 0 and standard deviation 1 at the start.
        var first = rows.Take(2).Select(r => (Mean: double.Parse(r[3], CultureInfo.InvariantCulture), Std: double.Parse(r[4], CultureInfo.InvariantCulture))).ToList();
        Assert.All(first, s => Assert.InRange(s.Mean, -0.5, 0.5));
        Assert.All(first, s => Assert.InRange(s.Std, 0.5, 1.5));
    }
}
