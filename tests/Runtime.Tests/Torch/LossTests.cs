using DeepDsl.Torch;

namespace DeepDsl.Runtime.Tests.Torch;

/// <summary>cross_entropy (integer labels), nll_loss, mse_loss and the binary cross entropies agree with PyTorch 1.13, in every reduction.</summary>
public sealed class LossTests
{
    public static TheoryData<string> Cases() => OpCase.Ids("ops_losses");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Loss_and_input_gradients_match_pytorch(string id) => OpCaseRunner.AssertMatchesPyTorch(OpCase.Get("ops_losses", id), Device.CPU);
}
