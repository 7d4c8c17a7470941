namespace DeepDsl.Generator.Tests;

/// <summary>training.tensorboard reaches the generated experiment's settings, where a run reads it.</summary>
public sealed class TensorBoardSettingGenerationTests
{
    [Theory]
    [InlineData("  tensorboard: true\n", true)]
    [InlineData("  tensorboard: false\n", false)]
    [InlineData("", false)]
    public void The_generated_training_settings_say_whether_the_run_writes_event_files(string setting, bool expected)
    {
        var harness = new GeneratorHarness();
        // TinySpec ends inside its training section.
        harness.Run([("/project/experiments/tiny.yaml", TinySpec.Text + "\n" + setting)]);
        Assert.Equal(expected, harness.LoadExperiments()["tiny"].Training.TensorBoard);
    }
}
