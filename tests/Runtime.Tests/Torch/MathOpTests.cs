using DeepDsl.Torch;

namespace DeepDsl.Runtime.Tests.Torch;

/// <summary>Arithmetic, matmul/linear, element-wise math, reductions, comparisons, selection and shape ops agree with PyTorch 1.13.</summary>
public sealed class MathOpTests
{
    public static TheoryData<string> Cases() => OpCase.Ids("ops_math");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Output_and_input_gradients_match_pytorch(string id) => OpCaseRunner.AssertMatchesPyTorch(OpCase.Get("ops_math", id), Device.CPU);
}
