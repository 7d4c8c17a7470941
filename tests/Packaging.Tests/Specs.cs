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

    /// <summary>SELU with He initialization: DDSL101 at line 6, on the initializer's value.</summary>
    public const string InvalidSelu = """
        name: invalid-selu
        data: { dataset: synthetic, samples: 256, classes: 3, validation: 64, standardize: true }
        model:
          input: [8]
          layers:
            - dense: { units: 16, activation: selu, kernel_init: he_normal }
            - dense: { units: 3, activation: softmax }
        training:
          loss: sparse_categorical_crossentropy
          optimizer: nadam
          epochs: 1
        """;

    public static (int Line, int Column) InvalidSeluInitializer
    {
        get
        {
            var line = InvalidSelu.Split('\n')[5];
            return (6, line.IndexOf("he_normal", StringComparison.Ordinal) + 1);
        }
    }

    /// <summary>Uses the generated model and experiment classes by name, and trains the experiment for one epoch.</summary>
    public const string Program = """
        using DeepDsl.Generated;
        using DeepDsl.Training;

        var experiment = new ClustersExperiment();
        using (ClustersModel model = (ClustersModel)experiment.CreateModel())
            Console.WriteLine($"{model.GetType().Name}; experiments: {string.Join(", ", ExperimentCatalog.All.Keys)}");
        var result = ExperimentRunner.Run(experiment, new RunOptions(RunsRoot: "runs"), Console.Out);
        Console.WriteLine($"Run folder: {result.Directory.Path}");
        """;
}
