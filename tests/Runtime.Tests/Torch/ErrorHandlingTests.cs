using DeepDsl.Torch;

namespace DeepDsl.Runtime.Tests.Torch;

/// <summary>libtorch failures surface as TorchException with libtorch's own message, and the process carries on.</summary>
public sealed class ErrorHandlingTests
{
    [Fact]
    public void A_shape_mismatch_raises_TorchException_with_libtorchs_message()
    {
        using var scope = torch.NewDisposeScope();
        var error = Assert.Throws<TorchException>(() => torch.zeros([2, 3]).matmul(torch.zeros([4, 5])));
        Assert.Contains("cannot be multiplied", error.Message);
        Assert.Contains("2x3", error.Message);
    }

    [Fact]
    public void An_out_of_range_index_raises_TorchException()
    {
        using var scope = torch.NewDisposeScope();
        var error = Assert.Throws<TorchException>(() => torch.zeros([3, 2]).index_select(0, torch.tensor(new long[] { 0, 7 })));
        Assert.Contains("out of range", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Throws<TorchException>(() => torch.zeros([3]).narrow(0, 2, 5));
    }

    [Fact]
    public void A_dtype_error_raises_TorchException_naming_the_types()
    {
        using var scope = torch.NewDisposeScope();
        var error = Assert.Throws<TorchException>(() => torch.nn.functional.cross_entropy(torch.zeros([2, 3]), torch.zeros([2])));
        Assert.Contains("Float", error.Message);
    }

    [Fact]
    public void The_process_keeps_working_after_many_native_errors()
    {
        using var scope = torch.NewDisposeScope();
        for (var i = 0; i < 200; i++) Assert.Throws<TorchException>(() => torch.zeros([2]).view(3));
        Assert.Equal(6.0, torch.ones([2, 3]).sum().item<double>());
    }

    [Fact]
    public void Using_a_disposed_tensor_is_an_ObjectDisposedException()
    {
        var t = torch.ones([2]);
        t.Dispose();
        Assert.Throws<ObjectDisposedException>(() => t.sum());
    }
}
