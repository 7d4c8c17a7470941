using System.Globalization;
using System.Text.RegularExpressions;

namespace DeepDsl.Cli.Tests;

/// <summary>`deepdsl lr-find --write`: the suggested rate lands in the value training follows, and nowhere else.</summary>
public sealed class LrFindWriteTests : IDisposable
{
    // The sweep tests' small classification spec, with a comment beside the rate and a rate far from any suggestion.
    private static readonly string Base = SweepCliTests.Base.Replace("  optimizer: { nadam: { learning_rate: 0.01 } }",
        "  # the rate lr-find replaces; this comment stays\n  optimizer: { nadam: { learning_rate: 0.5 } }");

    private readonly string folder = Directory.CreateTempSubdirectory("deepdsl-lrfind-").FullName;

    public LrFindWriteTests() => File.WriteAllText(Path.Combine(folder, "base.yaml"), Base);

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void The_valley_rate_replaces_the_optimizer_learning_rate_and_nothing_else()
    {
        var result = DeepDslProcess.Run(folder, "lr-find", "base.yaml", "--write", "valley", "--plot", "lr.svg");
        Assert.True(result.Exit == 0, result.ToString());
        var valley = Suggestion(result.Output, "valley");
        Assert.Contains("Wrote training.optimizer.nadam.learning_rate", result.Output);
        var after = File.ReadAllText(Path.Combine(folder, "base.yaml"));
        Assert.Equal(Base, Regex.Replace(after, @"learning_rate: [0-9.e+-]+", "learning_rate: 0.5"));
        AssertSameRate(valley, Written(after, "learning_rate"));
        Assert.Equal(0, DeepDslProcess.Run(folder, "validate", "base.yaml").Exit);
    }

    [Fact]
    public void A_one_cycle_spec_gets_the_rate_in_max_lr_which_is_the_rate_it_trains_at()
    {
        File.WriteAllText(Path.Combine(folder, "cycle.yaml"), """
            extends: base.yaml
            name: clusters-cycle
            training:
              optimizer: { sgd: { learning_rate: 0.5 } }
              schedule: { one_cycle: { max_lr: 0.5 } }
            """);
        var result = DeepDslProcess.Run(folder, "lr-find", "cycle.yaml", "--write", "minimum_over_ten", "--plot", "lr.svg");
        Assert.True(result.Exit == 0, result.ToString());
        Assert.Contains("Wrote training.schedule.one_cycle.max_lr", result.Output);
        var after = File.ReadAllText(Path.Combine(folder, "cycle.yaml"));
        Assert.Contains("optimizer: { sgd: { learning_rate: 0.5 } }", after);
        AssertSameRate(Suggestion(result.Output, "minimum/10"), Written(after, "max_lr"));
    }

    [Fact]
    public void A_rate_inherited_through_extends_is_named_not_written()
    {
        File.WriteAllText(Path.Combine(folder, "child.yaml"), "extends: base.yaml\nname: clusters-child\n");
        var result = DeepDslProcess.Run(folder, "lr-find", "child.yaml", "--write", "valley", "--plot", "lr.svg");
        DeepDslProcess.AssertUserError(result, "training.optimizer.nadam.learning_rate comes from");
        Assert.Contains("base.yaml(", result.Error);
        Assert.Equal("extends: base.yaml\nname: clusters-child\n", File.ReadAllText(Path.Combine(folder, "child.yaml")));
        Assert.Equal(Base, File.ReadAllText(Path.Combine(folder, "base.yaml")));
    }

    private static double Suggestion(string output, string name) =>
        double.Parse(Regex.Match(output, Regex.Escape(name) + @" = ([0-9.e+-]+)").Groups[1].Value, CultureInfo.InvariantCulture);

    private static double Written(string spec, string key) =>
        double.Parse(Regex.Match(spec, $@"\b{key}: ([0-9.e+-]+)").Groups[1].Value, CultureInfo.InvariantCulture);

    /// <summary>Equal up to the printed suggestion's three significant digits.</summary>
    private static void AssertSameRate(double printed, double written) => Assert.InRange(written / printed, 0.995, 1.005);
}
