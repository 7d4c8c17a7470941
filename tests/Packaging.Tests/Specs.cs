namespace DeepDsl.Packaging.Tests;

/// <summary>The specs a user puts in experiments/: small, on synthetic data, so that one epoch takes a second.</summary>
internal static class Specs
{
    public const string Clusters = """
        name: clusters
        seed: 7
        data: { dataset: synthetic, samples: 512, classes: 3, validation: 128, standardize: true }
        model:
          input: [8]
          layers:
            - dense: { units: 16, activation: selu, kernel_init: lecun_normal }
            - dense: { units: 3, activation: softmax }
        training:
          loss: sparse_categorical_crossentropy
          optimizer: nadam
          batch_size: 32
          epochs: 1
        """;

    /// <summary>The same network with He initialization under SELU: error DDSL101, on the initializer's value.</summary>
    public static readonly string InvalidSelu = Clusters
        .Replace("name: clusters", "name: invalid-selu")
        .Replace("kernel_init: lecun_normal", "kernel_init: he_normal");

    /// <summary>Where DDSL101 points in <paramref name="path"/>, as the build and the tool print it: path(line,column).</summary>
    public static string InvalidSeluInitializer(string path)
    {
        var lines = InvalidSelu.Split('\n');
        var line = Array.FindIndex(lines, l => l.Contains("he_normal", StringComparison.Ordinal));
        return $"{path}({line + 1},{lines[line].IndexOf("he_normal", StringComparison.Ordinal) + 1})";
    }

    /// <summary>Uses the generated model and experiment classes by name, and trains the experiment for one epoch.</summary>
    public const string Program = """
        using DeepDsl.Generated;
        using DeepDsl.Runs;

        var experiment = new ClustersExperiment();
        using (ClustersModel model = (ClustersModel)experiment.CreateModel())
            Console.WriteLine($"{model.GetType().Name}; experiments: {string.Join(", ", ExperimentCatalog.All.Keys)}");
        var result = ExperimentRun.Start(experiment, new RunOptions(RunsRoot: "runs"), Console.Out);
        Console.WriteLine($"Run folder: {result.Directory.Path}");
        """;
}
