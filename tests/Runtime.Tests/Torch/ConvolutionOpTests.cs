using DeepDsl.Torch;
using F = DeepDsl.Torch.torch.nn.functional;

namespace DeepDsl.Runtime.Tests.Torch;

/// <summary>conv2d, pad, max/avg/adaptive pooling agree with PyTorch 1.13, values and gradients.</summary>
public sealed class ConvolutionOpTests
{
    public static TheoryData<string> Cases() => OpCase.Ids("ops_conv");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Output_and_input_gradients_match_pytorch(string id) => OpCaseRunner.AssertMatchesPyTorch(OpCase.Get("ops_conv", id), Device.CPU);

    [Fact]
    public void A_kernel_larger_than_the_input_is_libtorchs_one_line_error()
    {
        using var scope = torch.NewDisposeScope();
        var error = Assert.Throws<TorchException>(() => F.conv2d(torch.randn([1, 2, 2, 2]), torch.randn([3, 2, 3, 3])));
        Assert.DoesNotContain('\n', error.Message.Trim());
        Assert.Contains("kernel size", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Channels_that_do_not_match_the_weight_are_an_error_not_a_crash()
    {
        using var scope = torch.NewDisposeScope();
        Assert.Throws<TorchException>(() => F.conv2d(torch.randn([1, 3, 5, 5]), torch.randn([4, 2, 3, 3])));
    }

    [Fact]
    public void A_size_that_is_not_a_pair_is_refused_before_the_shim_reads_it()
    {
        using var scope = torch.NewDisposeScope();
        var error = Assert.Throws<TorchException>(() => F.max_pool2d(torch.randn([1, 1, 4, 4]), [2]));
        Assert.Contains("(height, width)", error.Message);
    }
}
