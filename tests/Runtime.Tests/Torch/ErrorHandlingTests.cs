using DeepDsl.Torch;
using F = DeepDsl.Torch.torch.nn.functional;

namespace DeepDsl.Runtime.Tests.Torch;

/// <summary>libtorch failures surface as TorchException with libtorch's own message, and the process carries on.</summary>
public sealed class ErrorHandlingTests
{
    [Fact]
    public void A_shape_mismatch_in_an_element_wise_op_raises_TorchException_naming_the_sizes()
    {
        using var scope = torch.NewDisposeScope();
        var error = Assert.Throws<TorchException>(() => torch.zeros([2, 3]) + torch.zeros([2, 4]));
        Assert.Contains("size of tensor a (3) must match the size of tensor b (4)", error.Message);
    }

    [Fact]
    public void A_shape_mismatch_in_matmul_raises_TorchException_naming_the_shapes()
    {
        using var scope = torch.NewDisposeScope();
        var error = Assert.Throws<TorchException>(() => torch.zeros([2, 3]).matmul(torch.zeros([4, 5])));
        Assert.Contains("cannot be multiplied (2x3 and 4x5)", error.Message);
    }

    [Fact]
    public void An_out_of_range_index_raises_TorchException_saying_so()
    {
        using var scope = torch.NewDisposeScope();
        var error = Assert.Throws<TorchException>(() => torch.zeros([3, 2]).index_select(0, torch.tensor(new long[] { 0, 7 })));
        Assert.Contains("out of range", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void An_out_of_range_dimension_raises_TorchException_saying_so()
    {
        using var scope = torch.NewDisposeScope();
        var error = Assert.Throws<TorchException>(() => torch.zeros([3, 2]).sum(5));
        Assert.Contains("Dimension out of range", error.Message);
    }

    [Fact]
    public void A_label_out_of_range_in_cross_entropy_raises_TorchException()
    {
        using var scope = torch.NewDisposeScope();
        var error = Assert.Throws<TorchException>(() => F.cross_entropy(torch.zeros([2, 3]), torch.tensor(new long[] { 0, 3 })));
        Assert.Contains("out of bounds", error.Message);
    }

    [Fact]
    public void A_dtype_mismatch_raises_TorchException_naming_both_dtypes()
    {
        using var scope = torch.NewDisposeScope();
        var error = Assert.Throws<TorchException>(() => torch.zeros([2, 3]).matmul(torch.zeros([3, 2], ScalarType.Float64)));
        // libtorch 1.13 says "Float and Double", 2.x "float != double".
        Assert.Contains("float", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("double", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Float_class_labels_raise_TorchException_naming_the_expected_dtype()
    {
        using var scope = torch.NewDisposeScope();
        var error = Assert.Throws<TorchException>(() => F.nll_loss(torch.zeros([2, 3]), torch.zeros([2])));
        Assert.Contains("Long", error.Message);
        Assert.Contains("Float", error.Message);
    }

    [Fact]
    public void After_a_native_error_the_next_op_succeeds_and_reports_no_stale_error()
    {
        using var scope = torch.NewDisposeScope();
        for (var i = 0; i < 200; i++) Assert.Throws<TorchException>(() => torch.zeros([2]).view(3));
        Assert.Equal(6.0, torch.ones([2, 3]).sum().item<double>());
        var next = Assert.Throws<TorchException>(() => torch.zeros([2, 3]).matmul(torch.zeros([4, 5])));
        Assert.DoesNotContain("view", next.Message);
    }

    [Fact]
    public void A_failed_op_inside_a_dispose_scope_leaves_the_scope_usable()
    {
        using var scope = torch.NewDisposeScope();
        var before = scope.Count;
        Assert.Throws<TorchException>(() => torch.zeros([2, 3]) + torch.zeros([2, 4]));
        Assert.Equal(before + 2, scope.Count); // the two operands; no half-made result
        Assert.Equal(2.0, (torch.ones([1]) * 2.0).item<double>());
    }

    [Fact]
    public void Using_a_disposed_tensor_raises_ObjectDisposedException()
    {
        var t = torch.ones([2]);
        t.Dispose();
        var error = Assert.Throws<ObjectDisposedException>(() => t.sum());
        Assert.Equal(nameof(Tensor), error.ObjectName);
        Assert.Contains("disposed", error.Message);
        Assert.Throws<ObjectDisposedException>(() => t.ToArray<float>());
        Assert.Throws<ObjectDisposedException>(() => t.add_(1.0));
    }

    [Fact]
    public void A_disposed_tensor_passed_as_an_argument_raises_ObjectDisposedException()
    {
        using var scope = torch.NewDisposeScope();
        var x = torch.ones([2, 3]);
        var disposed = torch.ones([2, 3]);
        disposed.Dispose();
        Assert.Throws<ObjectDisposedException>(() => x + disposed);
        Assert.Throws<ObjectDisposedException>(() => torch.cat([x, disposed]));
        Assert.Throws<ObjectDisposedException>(() => torch.stack([disposed, x]));
    }

    [Fact]
    public void A_disposed_optional_argument_raises_ObjectDisposedException_rather_than_being_ignored()
    {
        using var scope = torch.NewDisposeScope();
        var x = torch.ones([4, 3]);
        var weight = torch.ones([2, 3]);
        var disposed = torch.ones([2]);
        disposed.Dispose();
        Assert.Throws<ObjectDisposedException>(() => F.linear(x, weight, disposed));
        Assert.Throws<ObjectDisposedException>(() => F.batch_norm(x, null, null, weight: disposed, training: true));
        var y = torch.ones([2], requires_grad: true).sum();
        Assert.Throws<ObjectDisposedException>(() => y.backward(disposed));
    }

    [Fact]
    public void Reading_elements_as_the_wrong_managed_type_is_an_InvalidOperationException_naming_both()
    {
        using var scope = torch.NewDisposeScope();
        var error = Assert.Throws<InvalidOperationException>(() => torch.ones([2]).ToArray<double>());
        Assert.Contains("Float32", error.Message);
        Assert.Contains("Float64", error.Message);
    }
}
