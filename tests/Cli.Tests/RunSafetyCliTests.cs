using System.Buffers.Binary;
using System.Text.Json.Nodes;
using DeepDsl.Runs;
using DeepDsl.Torch;
using DeepDsl.Torch.Serialization;

namespace DeepDsl.Cli.Tests;

/// <summary>
/// Run records are data a user may have received or damaged: checkpoints are verified before `eval`, `prune` or
/// `--resume` trust them, a run is trained by one process at a time, and npy specs and data paths behave as written.
/// </summary>
public sealed class RunSafetyCliTests : IClassFixture<RunSafetyCliTests.TrainedRun>
{
    private const string Spec = """
        name: safety
        seed: 3
        data: { dataset: synthetic, samples: 200, classes: 3, validation: 40 }
        model:
          input: [6]
          layers:
            - dense: { units: 8, activation: elu, kernel_init: he_normal }
            - dropout: 0.1
            - dense: { units: 3, activation: softmax }
        training:
          loss: sparse_categorical_crossentropy
          optimizer: { nadam: { learning_rate: 0.01 } }
          epochs: 2
        """;

    private readonly TrainedRun trained;

    public RunSafetyCliTests(TrainedRun trained) => this.trained = trained;

    /// <summary>One real run, trained once for the class; each test damages its own copy.</summary>
    public sealed class TrainedRun : IDisposable
    {
        public TrainedRun()
        {
            Folder = Directory.CreateTempSubdirectory("deepdsl-safety-").FullName;
            File.WriteAllText(Path.Combine(Folder, "spec.yaml"), Spec);
            var result = DeepDslProcess.Run(Folder, "run", "spec.yaml", "--runs", "runs");
            Assert.True(result.Exit == 0, result.ToString());
            Run = Directory.GetDirectories(Path.Combine(Folder, "runs", "safety")).Single();
        }

        public string Folder { get; }

        public string Run { get; }

        public string Copy(string name)
        {
            var copy = Path.Combine(Folder, "copies", name);
            Directory.CreateDirectory(Path.Combine(copy, "checkpoints"));
            foreach (var file in Directory.GetFiles(Run, "*", SearchOption.AllDirectories))
                File.Copy(file, Path.Combine(copy, Path.GetRelativePath(Run, file)));
            return copy;
        }

        public void Dispose() => Directory.Delete(Folder, recursive: true);
    }

    [Fact]
    public void An_intact_run_evaluates()
    {
        var result = DeepDslProcess.Run(trained.Folder, "eval", trained.Run, "--mc-dropout", "3");
        Assert.True(result.Exit == 0, result.ToString());
    }

    [Fact]
    public void Flipped_data_bytes_are_refused_by_eval_and_prune()
    {
        var run = trained.Copy("flipped");
        var best = Path.Combine(run, "checkpoints", "best.safetensors");
        var bytes = File.ReadAllBytes(best);
        var dataStart = 8 + (int)BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        var random = new Random(1);
        for (var i = 0; i < 2000; i++) bytes[dataStart + random.Next(bytes.Length - dataStart)] ^= 0x5a;
        File.WriteAllBytes(best, bytes);
        DeepDslProcess.AssertUserError(DeepDslProcess.Run(trained.Folder, "eval", run), "does not match the checksum");
        DeepDslProcess.AssertUserError(DeepDslProcess.Run(trained.Folder, "prune", run, "--sparsity", "0.5"), "does not match the checksum");
    }

    [Fact]
    public void A_truncated_checkpoint_is_refused_by_resume()
    {
        var run = trained.Copy("truncated");
        var last = Path.Combine(run, "checkpoints", "last.safetensors");
        File.WriteAllBytes(last, File.ReadAllBytes(last)[..100]);
        DeepDslProcess.AssertUserError(DeepDslProcess.Run(trained.Folder, "run", "spec.yaml", "--resume", run, "--epochs", "3"), "last.safetensors is not a valid safetensors file");
    }

    [Fact]
    public void A_huge_header_length_is_refused()
    {
        var run = trained.Copy("huge-header");
        var best = Path.Combine(run, "checkpoints", "best.safetensors");
        var bytes = File.ReadAllBytes(best);
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, ulong.MaxValue / 2);
        File.WriteAllBytes(best, bytes);
        DeepDslProcess.AssertUserError(DeepDslProcess.Run(trained.Folder, "eval", run), "is not a valid safetensors file");
    }

    [Theory]
    [InlineData("epochs_done", -3.0, "invalid trainer state")]
    [InlineData("wall_seconds_before", double.NaN, "invalid trainer state")]
    [InlineData("optimizer.learning_rate", double.NaN, "learning_rate")]
    [InlineData("optimizer.step", -1.0, "step")]
    public void A_crafted_state_with_a_valid_checksum_is_refused_by_resume(string field, double value, string expected)
    {
        var run = trained.Copy("crafted-" + field);
        var last = Path.Combine(run, "checkpoints", "last.safetensors");
        using (var scope = torch.NewDisposeScope())
        {
            var (tensors, metadata) = SafeTensors.Load(last);
            if (field.StartsWith("optimizer.", StringComparison.Ordinal)) tensors[field] = torch.scalar_tensor(value, ScalarType.Float64);
            else
            {
                var state = JsonNode.Parse(metadata["deepdsl.trainer_state"])!;
                state[field] = double.IsNaN(value) ? JsonValue.Create("NaN") : JsonValue.Create(value);
                metadata["deepdsl.trainer_state"] = state.ToJsonString();
            }
            metadata.Remove(SafeTensors.DataChecksumKey);
            SafeTensors.Save(last, tensors, metadata, recordChecksum: true);
        }
        DeepDslProcess.AssertUserError(DeepDslProcess.Run(trained.Folder, "run", "spec.yaml", "--resume", run, "--epochs", "3"), expected);
    }

    [Fact]
    public void A_run_another_process_trains_in_cannot_be_resumed()
    {
        var run = trained.Copy("locked");
        using var held = RunLock.Acquire(run);
        DeepDslProcess.AssertUserError(DeepDslProcess.Run(trained.Folder, "run", "spec.yaml", "--resume", run, "--epochs", "3"), "in use by another DeepDsl process");
    }

    [Fact]
    public void Resuming_with_another_spec_names_the_difference()
    {
        File.WriteAllText(Path.Combine(trained.Folder, "other.yaml"), Spec.Replace("seed: 3", "seed: 4"));
        DeepDslProcess.AssertUserError(DeepDslProcess.Run(trained.Folder, "run", "other.yaml", "--resume", trained.Copy("other-spec")), "was made from a different spec");
    }

    [Fact]
    public void An_npy_spec_runs_end_to_end()
    {
        var folder = Path.Combine(trained.Folder, "npy");
        Directory.CreateDirectory(folder);
        var random = new Random(5);
        WriteNpy(Path.Combine(folder, "x_train.npy"), "<f4", [120, 6], Enumerable.Range(0, 720).SelectMany(_ => BitConverter.GetBytes((float)random.NextDouble())).ToArray());
        WriteNpy(Path.Combine(folder, "y_train.npy"), "<i8", [120], Enumerable.Range(0, 120).SelectMany(i => BitConverter.GetBytes((long)(i % 3))).ToArray());
        WriteNpy(Path.Combine(folder, "x_test.npy"), "<f4", [30, 6], Enumerable.Range(0, 180).SelectMany(_ => BitConverter.GetBytes((float)random.NextDouble())).ToArray());
        WriteNpy(Path.Combine(folder, "y_test.npy"), "<i8", [30], Enumerable.Range(0, 30).SelectMany(i => BitConverter.GetBytes((long)(i % 3))).ToArray());
        File.WriteAllText(Path.Combine(folder, "npy.yaml"), Spec.Replace("name: safety", "name: npy-run")
            .Replace("{ dataset: synthetic, samples: 200, classes: 3, validation: 40 }",
                "{ dataset: npy, x_train: x_train.npy, y_train: y_train.npy, x_test: x_test.npy, y_test: y_test.npy, classes: 3, validation: 20 }"));
        var result = DeepDslProcess.Run(folder, "run", "npy.yaml", "--runs", "runs");
        Assert.True(result.Exit == 0, result.ToString());
        Assert.Single(Directory.GetFiles(Path.Combine(folder, "runs"), "summary.json", SearchOption.AllDirectories));
    }

    [Fact]
    public void A_data_path_that_does_not_exist_is_an_error_not_a_fallback()
    {
        var spec = Path.Combine(trained.Folder, "cifar-path.yaml");
        File.WriteAllText(spec, """
            name: cifar-path
            data: { dataset: cifar10, path: no-such-folder, train_samples: 10, test_samples: 10 }
            model:
              input: [3, 32, 32]
              layers: [flatten, { dense: { units: 10, activation: softmax } }]
            training: { loss: sparse_categorical_crossentropy, optimizer: sgd, epochs: 1 }
            """);
        DeepDslProcess.AssertUserError(DeepDslProcess.Run(trained.Folder, "run", spec, "--runs", "runs"), "no-such-folder does not exist");
    }

    private static void WriteNpy(string path, string descr, long[] shape, byte[] data)
    {
        var header = $"{{'descr': '{descr}', 'fortran_order': False, 'shape': ({string.Join(", ", shape)}{(shape.Length == 1 ? "," : "")}), }}";
        header = header.PadRight((header.Length + 11) / 64 * 64 + 63 - 10) + "\n";
        using var file = File.Create(path);
        file.Write([0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0]);
        file.Write(BitConverter.GetBytes((ushort)header.Length));
        file.Write(System.Text.Encoding.ASCII.GetBytes(header));
        file.Write(data);
    }
}
