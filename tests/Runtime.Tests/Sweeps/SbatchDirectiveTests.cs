using DeepDsl.Sweeps;

namespace DeepDsl.Runtime.Tests.Sweeps;

/// <summary>An #SBATCH line from a library's options: a name that is not an option's is refused by the runtime itself, not only by the CLI.</summary>
public sealed class SbatchDirectiveTests
{
    [Theory]
    [InlineData("comment\n$(touch pwned)")]
    [InlineData("partition=gpu")]
    [InlineData("time 1")]
    [InlineData("")]
    public void A_name_that_is_not_an_option_name_is_refused(string name)
    {
        var refusal = Assert.Throws<IOException>(() => SbatchDirective.Line(name, "x", "--slurm-option"));
        Assert.StartsWith("--slurm-option ", refusal.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', refusal.Message);
    }

    [Fact]
    public void An_option_is_written_with_its_value_quoted_or_bare()
    {
        Assert.Equal("#SBATCH --partition=\"gpu \\\"a\\\"\"\n", SbatchDirective.Line("partition", "gpu \"a\"", "--slurm-option"));
        Assert.Equal("#SBATCH --exclusive\n", SbatchDirective.Line("exclusive", null, "--slurm-option"));
    }

    [Fact]
    public void The_slurm_executor_refuses_an_option_name_with_a_newline_before_the_sweep_starts()
    {
        var executor = new SlurmExecutor(new SlurmExecutorOptions(sbatchOptions: [new SbatchOption("comment\nrm -rf ~", "x")]));
        var folder = SweepFolder.For(Path.Combine(Path.GetTempPath(), "deepdsl-sbatch-name"), "sweep");
        var refusal = Assert.Throws<IOException>(() => executor.Check(folder));
        Assert.Contains("is not an sbatch option name", refusal.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(folder.Path));
    }
}
