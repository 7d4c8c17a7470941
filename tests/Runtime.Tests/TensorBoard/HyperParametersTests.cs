using DeepDsl.Experiments;
using DeepDsl.Optim;
using DeepDsl.Runtime.Tests.Training;
using DeepDsl.TensorBoard;
using DeepDsl.Torch;
using Google.Protobuf.WellKnownTypes;

namespace DeepDsl.Runtime.Tests.TensorBoard;

/// <summary>The HParams table's values: which validation set a run scores is told apart, by the key that chose it.</summary>
public sealed class HyperParametersTests
{
    private static Dictionary<string, Value> Of(DataSettings data)
    {
        using var scope = torch.NewDisposeScope();
        using var optimizer = new SGD([torch.zeros([1], ScalarType.Float32).requires_grad_()], 0.1);
        return HyperParameters.Of(new SyntheticExperiment { Data = data }, optimizer, epochs: 1).ToDictionary();
    }

    [Fact]
    public void A_validation_split_is_its_count()
    {
        var hparams = Of(new SyntheticExperiment().Data with { Validation = 100 });
        Assert.Equal(100.0, hparams["data.validation"].NumberValue);
    }

    [Fact]
    public void A_validation_set_of_its_own_is_its_key_and_file_not_a_split_of_0()
    {
        var hparams = Of(new DataSettings(new ImageFolderSource("pets/train", null, null, Validation: "pets/validation")));
        Assert.Equal("pets/validation", hparams["data.validation_dir"].StringValue);
        Assert.DoesNotContain("data.validation", hparams.Keys);
    }
}
