using System.Text.Json;
using DeepDsl.Dsl;
using DeepDsl.Dsl.Model;
using DeepDsl.Dsl.Resolution;
using DeepDsl.Torch;
using DeepDsl.Torch.Serialization;

namespace DeepDsl.Cli.Tests;

/// <summary>
/// Two specs of different networks whose hashes share the 12 hex digits people are shown, found by searching as an
/// attacker would (<see cref="ShortHashCollision"/>): each is still its own experiment — `run` trains and records each
/// one's own network (nothing is taken from the compile cache of the other), and a sweep holding both runs both.
/// </summary>
public sealed class SpecIdentityCliTests : IClassFixture<SpecIdentityCliTests.Twins>, IDisposable
{
    /// <summary>The colliding pair, searched once for the class (seconds).</summary>
    public sealed class Twins
    {
        public string DescriptionA { get; }
        public string DescriptionB { get; }

        public Twins()
        {
            var (a, b) = ShortHashCollision.Find(Canonical(Spec(ShortHashCollision.Marker, 8)), Canonical(Spec(ShortHashCollision.Marker, 9)));
            (DescriptionA, DescriptionB) = (ShortHashCollision.Variant(a), ShortHashCollision.Variant(b));
        }
    }

    private readonly Twins twins;
    private readonly string folder = Directory.CreateTempSubdirectory("deepdsl-identity-").FullName;

    public SpecIdentityCliTests(Twins twins) => this.twins = twins;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    /// <summary>A hidden layer of <paramref name="units"/> units: 8 and 9 are different networks (different weight shapes).</summary>
    private static string Spec(string description, int units) => $"""
        name: twin
        description: {description}
        data: {"{"} dataset: synthetic, samples: 100, classes: 2, validation: 20 {"}"}
        model:
          input: [4]
          layers:
            - dense: {"{"} units: {units}, activation: elu, kernel_init: he_normal {"}"}
            - dense: {"{"} units: 2, activation: softmax {"}"}
        training:
          loss: sparse_categorical_crossentropy
          optimizer: sgd
          epochs: 1

        """;

    private static ExperimentSpec Compile(string text)
    {
        var compilation = SpecCompiler.Compile("/specs/spec.yaml", new InMemoryFileSystem(new Dictionary<string, string> { ["/specs/spec.yaml"] = text }));
        Assert.False(compilation.HasErrors, string.Join("\n", compilation.Diagnostics));
        return compilation.Spec!;
    }

    private static string Canonical(string text) => Compile(text).CanonicalYaml;

    [Fact]
    public void The_search_finds_two_networks_whose_hashes_share_the_shown_prefix_and_differ_in_full()
    {
        var a = Compile(Spec(twins.DescriptionA, 8)).ContentHash;
        var b = Compile(Spec(twins.DescriptionB, 9)).ContentHash;
        Assert.Equal(SpecHash.Short(a), SpecHash.Short(b));
        Assert.NotEqual(a, b);
        Assert.Equal(SpecHash.Length, a.Length);
    }

    [Fact]
    public void Running_one_twin_after_the_other_trains_and_records_each_ones_own_network()
    {
        File.WriteAllText(Path.Combine(folder, "a.yaml"), Spec(twins.DescriptionA, 8));
        File.WriteAllText(Path.Combine(folder, "b.yaml"), Spec(twins.DescriptionB, 9));
        var runA = Train("a.yaml");
        var runB = Train("b.yaml");
        Assert.NotEqual(runA, runB);
        Assert.StartsWith(Path.GetFileName(runA)[^12..], Path.GetFileName(runB)[16..]);

        foreach (var (run, units, description, file) in new[] { (runA, 8, twins.DescriptionA, "a.yaml"), (runB, 9, twins.DescriptionB, "b.yaml") })
        {
            var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(run, "summary.json"))).RootElement;
            Assert.Equal(Compile(Spec(description, units)).ContentHash, summary.GetProperty("spec_hash").GetString());
            Assert.Contains($"description: {description}", File.ReadAllText(Path.Combine(run, "spec.yaml")));
            Assert.Equal(units, HiddenUnits(run));
        }
    }

    [Fact]
    public void A_sweep_over_both_twins_runs_each_as_its_own_trial()
    {
        File.WriteAllText(Path.Combine(folder, "sweep.yaml"), Spec("twins", 8) + $$"""
            sweep:
              parameters:
                description: [{{twins.DescriptionA}}, {{twins.DescriptionB}}]
                model.layers[dense_1].units: [8, 9]

            """);
        var a = Compile(Spec(twins.DescriptionA, 8)).ContentHash;
        var b = Compile(Spec(twins.DescriptionB, 9)).ContentHash;

        var dryRun = DeepDslProcess.Run(folder, "sweep", "sweep.yaml", "--dry-run");
        Assert.True(dryRun.Exit == 0, dryRun.ToString());
        Assert.Contains("4 trials", dryRun.Output);
        Assert.Contains(a, dryRun.Output);
        Assert.Contains(b, dryRun.Output);

        var sweep = DeepDslProcess.Run(folder, ["sweep", "sweep.yaml", "--parallel", "2"], timeoutSeconds: 300);
        Assert.True(sweep.Exit == 0, sweep.ToString());
        var trials = Directory.GetDirectories(Path.Combine(folder, "runs", "twin", "sweep", "trials"));
        Assert.Equal(4, trials.Length);
        Assert.Equal(8, HiddenUnits(Path.Combine(folder, "runs", "twin", "sweep", "trials", a)));
        Assert.Equal(9, HiddenUnits(Path.Combine(folder, "runs", "twin", "sweep", "trials", b)));
        foreach (var (trial, hash) in new[] { (a, a), (b, b) })
        {
            var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "runs", "twin", "sweep", "trials", trial, "summary.json"))).RootElement;
            Assert.Equal(hash, summary.GetProperty("spec_hash").GetString());
            Assert.Equal("completed", summary.GetProperty("status").GetString());
        }
    }

    private string Train(string spec)
    {
        var before = Directory.Exists(Path.Combine(folder, "runs", "twin")) ? Directory.GetDirectories(Path.Combine(folder, "runs", "twin")) : [];
        var result = DeepDslProcess.Run(folder, "run", spec);
        Assert.True(result.Exit == 0, result.ToString());
        return Directory.GetDirectories(Path.Combine(folder, "runs", "twin")).Except(before).Single();
    }

    /// <summary>The hidden layer's width as the kept checkpoint holds it: the network that was trained, not the one named.</summary>
    private static int HiddenUnits(string run)
    {
        using var scope = torch.NewDisposeScope();
        var (tensors, _) = SafeTensors.Load(Path.Combine(run, "checkpoints", "best.safetensors"));
        var hidden = tensors.Where(t => !t.Key.StartsWith("optimizer.", StringComparison.Ordinal) && t.Value.shape is [_, 4]).ToList();
        Assert.Single(hidden);
        return (int)hidden[0].Value.shape[0];
    }
}
