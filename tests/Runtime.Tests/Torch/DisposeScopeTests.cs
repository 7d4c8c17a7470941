using DeepDsl.Torch;

namespace DeepDsl.Runtime.Tests.Torch;

public sealed class DisposeScopeTests
{
    [Fact]
    public void Tensors_created_in_a_scope_are_disposed_with_it()
    {
        Tensor a, b;
        using (torch.NewDisposeScope())
        {
            a = torch.ones([2]);
            b = a + 1.0;
        }
        Assert.True(a.IsDisposed);
        Assert.True(b.IsDisposed);
    }

    [Fact]
    public void Moved_and_detached_tensors_survive_their_scope()
    {
        Tensor moved, detached;
        using (var outer = torch.NewDisposeScope())
        {
            using (torch.NewDisposeScope())
            {
                moved = torch.ones([2]).MoveToOuterDisposeScope();
                detached = torch.ones([2]).DetachFromDisposeScope();
            }
            Assert.False(moved.IsDisposed);
            Assert.Equal(1, outer.Count);
        }
        Assert.True(moved.IsDisposed);
        Assert.False(detached.IsDisposed);
        detached.Dispose();
    }

    [Fact]
    public void Creation_ops_give_the_asked_shapes_dtypes_and_values()
    {
        using var scope = torch.NewDisposeScope();
        Assert.Equal([0L, 1, 2, 3], torch.arange(4).ToArray<long>());
        Assert.Equal([7.0, 7.0], torch.full([2], 7.0, ScalarType.Float64).ToArray<double>());
        Assert.Equal(ScalarType.Bool, torch.ones([1]).gt(0.0).dtype);
        Assert.All(torch.randint(3, 5, [100]).ToArray<long>(), v => Assert.InRange(v, 3, 4));
        Assert.Equal(Enumerable.Range(0, 10).Select(i => (long)i), torch.randperm(10).ToArray<long>().Order());
        Assert.All(torch.rand([100]).ToArray<float>(), v => Assert.InRange(v, 0f, 1f));
        torch.manual_seed(9);
        var first = torch.randn([5]).ToArray<float>();
        torch.manual_seed(9);
        Assert.Equal(first, torch.randn([5]).ToArray<float>());
        Assert.Equal(3.5f, torch.tensor(new[] { 3.5f }).item<float>());
        Assert.Equal([2L, 3], torch.zeros([2, 3]).to(ScalarType.Float64).shape);
    }

    [Fact]
    public void Devices_parse_like_pytorch()
    {
        Assert.Equal(new Device(DeviceType.CUDA, 1), Device.Parse("cuda:1"));
        Assert.Equal(Device.CPU, Device.Parse("cpu"));
        Assert.Equal("cuda:1", Device.Parse("cuda:1").ToString());
        Assert.Throws<ArgumentException>(() => Device.Parse("tpu"));
    }
}
