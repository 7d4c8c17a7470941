using System.Text.Json;
using System.Text.Json.Nodes;
using DeepDsl.Runs;
using DeepDsl.Training;
using DeepDsl.Torch;
using DeepDsl.Torch.Serialization;

namespace DeepDsl.Runtime.Tests.Training;

/// <summary>
/// One experiment, 50 steps (5 epochs of 10 batches of 32; Nadam, He init, ELU, every number from the seed), ends
/// where it ended on the reference platform — libtorch 1.13 with OpenBLAS, Debian 12 — within 1e-4: each epoch's
/// losses and every final weight. On Debian 12 that is the run itself again; the test earns its keep on every other
/// libtorch (2.6 in the Debian 13 chroot of ./test.sh; a PyTorch installation's). Seen on libtorch 2.6: the losses
/// differ from 1.13's by about 1e-7 (float32 rounding in another OpenBLAS build).
/// Recording the reference (on Debian 12 only): DEEPDSL_RECORD_AGREEMENT=1 dotnet test … --filter LibTorchAgreementTests.
/// </summary>
public sealed class LibTorchAgreementTests
{
    private const double Tolerance = 1e-4;
    private static readonly string Reference = Path.Combine(AppContext.BaseDirectory, "Fixtures", "agreement-libtorch-1.13.json");

    [Fact]
    public void Fifty_steps_end_where_they_ended_on_libtorch_1_13()
    {
        var (losses, weights) = Train();
        if (Environment.GetEnvironmentVariable("DEEPDSL_RECORD_AGREEMENT") == "1")
        {
            Assert.StartsWith("1.13", EngineInfo.Current().LibTorch);
            Record(losses, weights);
            return;
        }

        var reference = JsonNode.Parse(File.ReadAllText(Reference))!;
        Assert.Equal(losses.Length, reference["losses"]!.AsArray().Count);
        for (var i = 0; i < losses.Length; i++)
            Assert.True(Math.Abs(losses[i] - (double)reference["losses"]![i]!) <= Tolerance,
                $"loss {i}: {losses[i]} here (libtorch {EngineInfo.Current().LibTorch}), {reference["losses"]![i]} on libtorch 1.13");
        var expected = reference["weights"]!.AsObject();
        Assert.Equal(expected.Select(kv => kv.Key).Order(), weights.Keys.Order());
        foreach (var (name, values) in weights)
        {
            var reference1 = expected[name]!.AsArray().Select(v => (double)v!).ToArray();
            Assert.Equal(reference1.Length, values.Length);
            var worst = values.Zip(reference1, (a, b) => Math.Abs(a - b)).Max();
            Assert.True(worst <= Tolerance, $"{name} differs from libtorch 1.13's by up to {worst}");
        }
    }

    private static (double[] Losses, Dictionary<string, double[]> Weights) Train()
    {
        var runs = Directory.CreateTempSubdirectory("deepdsl-agreement-").FullName;
        try
        {
            var experiment = new SyntheticExperiment
            {
                Name = "agreement",
                Seed = 7,
                LearningRate = 1e-3,
                Data = new(new DeepDsl.Experiments.SyntheticSource(Classes: 3, Samples: 400, Noise: 1.0, InputShape: [8], Seed: 5) { TestSamples = 64 }, Validation: 80),
                Training = new(DeepDsl.Experiments.LossKind.SparseCategoricalCrossentropy, BatchSize: 32, Epochs: 5, EarlyStopping: null,
                    Checkpoint: new DeepDsl.Experiments.CheckpointSettings()),
            };
            var result = ExperimentRun.Start(experiment, new RunOptions(runs, Threads: 1), TextWriter.Null);
            var metrics = result.Directory.ReadMetrics();
            Assert.Equal(5, metrics.Count);
            using var scope = torch.NewDisposeScope();
            var (tensors, _) = SafeTensors.Load(result.Directory.LastCheckpoint);
            var weights = tensors.Where(t => !t.Key.StartsWith("optimizer.", StringComparison.Ordinal))
                .ToDictionary(t => t.Key, t => t.Value.to(ScalarType.Float64).ToArray<double>());
            Assert.NotEmpty(weights);
            return (metrics.SelectMany(m => new[] { m.Loss, m.ValLoss }).ToArray(), weights);
        }
        finally
        {
            Directory.Delete(runs, recursive: true);
        }
    }

    private static void Record(double[] losses, Dictionary<string, double[]> weights)
    {
        var json = new JsonObject
        {
            ["recorded_on"] = $"libtorch {EngineInfo.Current().LibTorch}, {EngineInfo.Current().Blas}, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}",
            ["losses"] = new JsonArray(losses.Select(l => (JsonNode)l).ToArray()),
            ["weights"] = new JsonObject(weights.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)new JsonArray(kv.Value.Select(v => (JsonNode)v).ToArray())))),
        };
        var source = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "Fixtures", "agreement-libtorch-1.13.json");
        File.WriteAllText(source, json.ToJsonString(new JsonSerializerOptions { WriteIndented = false }) + "\n");
    }
}
