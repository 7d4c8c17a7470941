namespace DeepDsl.Generator.Tests;

/// <summary>training.tensorboard reaches the generated experiment's settings, where a run reads it.</summary>
public sealed class TensorBoardSettingGenerationTests
{
    private const string Spec = """
        name: logged
        data: { dataset: synthetic, classes: 3, samples: 60 }
        model:
          input: [4]
          layers:
            - dense: { units: 3, activation: softmax }
        training:
          loss: sparse_categorical_crossentropy
          optimizer: sgd
          epochs: 1
        """;

    [Theory]
    [InlineData("\n  tensorboard: true\n", true)]
    [InlineData("\n  tensorboard: false\n", false)]
    [InlineData("\n", false)]
    public void The_generated_training_settings_say_whether_the_run_writes_event_files(string setting, bool expected)
    {
        var harness = new GeneratorHarness();
        harness.Run([("/project/experiments/logged.yaml", Spec + setting)]);
        Assert.Equal(expected, harness.LoadExperiments()["logged"].Training.TensorBoard);
    }
}
