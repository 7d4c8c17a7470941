using DeepDsl.Torch;

namespace DeepDsl.Runtime.Tests.Torch;

/// <summary>Creation ops, dtypes and conversions, reading values back, and devices.</summary>
public sealed class CreationTests
{
    [Fact]
    public void Zeros_ones_and_full_fill_the_asked_shape_and_dtype()
    {
        using var scope = torch.NewDisposeScope();
        var zeros = torch.zeros([2, 3]);
        Assert.Equal([2L, 3], zeros.shape);
        Assert.Equal(ScalarType.Float32, zeros.dtype);
        Assert.Equal(new float[6], zeros.ToArray<float>());
        Assert.Equal([1L, 1], torch.ones([2], ScalarType.Int64).ToArray<long>());
        Assert.Equal([7.5, 7.5], torch.full([2], 7.5, ScalarType.Float64).ToArray<double>());
        Assert.Equal([true, true], torch.ones([2], ScalarType.Bool).ToArray<bool>());
    }

    [Fact]
    public void Creation_with_requires_grad_gives_a_leaf_that_requires_grad()
    {
        using var scope = torch.NewDisposeScope();
        foreach (var t in new[] { torch.zeros([2], requires_grad: true), torch.ones([2], requires_grad: true),
                     torch.empty([2], requires_grad: true), torch.full([2], 3.0, requires_grad: true) })
        {
            Assert.True(t.requires_grad);
            Assert.True(t.is_leaf);
        }
        Assert.False(torch.zeros([2]).requires_grad);
    }

    [Fact]
    public void Arange_counts_from_start_to_before_end_by_step()
    {
        using var scope = torch.NewDisposeScope();
        Assert.Equal([0L, 1, 2, 3], torch.arange(4).ToArray<long>());
        Assert.Equal([1.0, 1.5, 2.0, 2.5], torch.arange(1, 3, 0.5, ScalarType.Float64).ToArray<double>());
    }

    [Fact]
    public void Rand_is_uniform_in_zero_to_one()
    {
        using var scope = torch.NewDisposeScope();
        torch.manual_seed(2);
        var r = torch.rand([10_000], ScalarType.Float64);
        Assert.InRange(r.min().item<double>(), 0.0, 0.01);
        Assert.InRange(r.max().item<double>(), 0.99, 1.0 - 1e-12);
        Assert.InRange(r.mean().item<double>(), 0.49, 0.51);
    }

    [Fact]
    public void Randn_is_standard_normal()
    {
        using var scope = torch.NewDisposeScope();
        torch.manual_seed(3);
        var r = torch.randn([10_000], ScalarType.Float64);
        Assert.InRange(r.mean().item<double>(), -0.03, 0.03);
        Assert.InRange(r.std().item<double>(), 0.97, 1.03);
    }

    [Fact]
    public void Randint_draws_every_integer_in_low_to_before_high()
    {
        using var scope = torch.NewDisposeScope();
        var values = torch.randint(3, 6, [1000]).ToArray<long>();
        Assert.Equal([3L, 4, 5], values.Distinct().Order());
    }

    [Fact]
    public void Randperm_is_a_permutation_of_zero_to_n()
    {
        using var scope = torch.NewDisposeScope();
        var p = torch.randperm(50).ToArray<long>();
        Assert.Equal(Enumerable.Range(0, 50).Select(i => (long)i), p.Order());
    }

    [Fact]
    public void Manual_seed_makes_random_draws_reproducible()
    {
        using var scope = torch.NewDisposeScope();
        torch.manual_seed(9);
        var first = torch.randn([5]).ToArray<float>();
        var next = torch.randn([5]).ToArray<float>();
        torch.manual_seed(9);
        Assert.Equal(first, torch.randn([5]).ToArray<float>());
        Assert.NotEqual(first, next);
    }

    [Fact]
    public void Tensor_copies_managed_data_of_each_dtype()
    {
        using var scope = torch.NewDisposeScope();
        Assert.Equal(ScalarType.Float32, torch.tensor(new[] { 1f }).dtype);
        Assert.Equal(ScalarType.Float64, torch.tensor(new[] { 1.0 }).dtype);
        Assert.Equal(ScalarType.Int64, torch.tensor(new[] { 1L }).dtype);
        Assert.Equal(ScalarType.Bool, torch.tensor(new[] { true }).dtype);
        Assert.Equal([true, false, true], torch.tensor(new[] { true, false, true }).ToArray<bool>());
        Assert.Equal([[1.5, 2.5], [3.5, 4.5]], Rows(torch.tensor(new[] { 1.5, 2.5, 3.5, 4.5 }, [2, 2]).ToArray<double>(), 2));
    }

    [Fact]
    public void Tensor_refuses_data_that_does_not_fill_the_shape()
    {
        var error = Assert.Throws<ArgumentException>(() => torch.tensor(new[] { 1f, 2f, 3f }, [2, 2]));
        Assert.Contains("4 elements", error.Message);
    }

    [Fact]
    public void To_dtype_converts_values_as_pytorch_does()
    {
        using var scope = torch.NewDisposeScope();
        var x = torch.tensor(new[] { -1.7, 0.0, 2.9 });
        Assert.Equal([-1L, 0, 2], x.to(ScalarType.Int64).ToArray<long>()); // truncation toward zero
        Assert.Equal([true, false, true], x.to(ScalarType.Bool).ToArray<bool>());
        Assert.Equal([-1.7f, 0f, 2.9f], x.to(ScalarType.Float32).ToArray<float>());
        Assert.Equal([1.0, 0.0], torch.tensor(new[] { true, false }).to(ScalarType.Float64).ToArray<double>());
    }

    [Fact]
    public void Item_reads_a_one_element_tensor_as_any_number_type()
    {
        using var scope = torch.NewDisposeScope();
        Assert.Equal(3.5f, torch.tensor(new[] { 3.5f }).item<float>());
        Assert.Equal(3.5, torch.full([], 3.5, ScalarType.Float64).item<double>());
        Assert.Equal(42L, torch.tensor(new[] { 42L }).item<long>());
    }

    [Fact]
    public void Item_of_a_tensor_with_several_elements_raises_TorchException()
    {
        using var scope = torch.NewDisposeScope();
        Assert.Throws<TorchException>(() => torch.ones([3]).item<float>());
    }

    [Fact]
    public void Cpu_tensors_report_the_cpu_device()
    {
        using var scope = torch.NewDisposeScope();
        Assert.Equal(DeviceType.CPU, torch.ones([1]).device.Type);
    }

    [Theory]
    [InlineData("cpu", DeviceType.CPU, -1)]
    [InlineData("cuda", DeviceType.CUDA, -1)]
    [InlineData("cuda:1", DeviceType.CUDA, 1)]
    [InlineData(" CUDA:0 ", DeviceType.CUDA, 0)]
    public void Device_parse_reads_pytorchs_device_strings(string text, DeviceType type, int index)
    {
        Assert.Equal(new Device(type, index), Device.Parse(text));
    }

    [Fact]
    public void A_device_prints_as_it_parses()
    {
        Assert.Equal("cuda:1", Device.Parse("cuda:1").ToString());
        Assert.Equal("cpu", Device.CPU.ToString());
    }

    [Theory]
    [InlineData("tpu")]
    [InlineData("cuda:-1")]
    [InlineData("cuda:x")]
    [InlineData("cuda:0:1")]
    public void Device_parse_rejects_other_strings_naming_them(string text)
    {
        var error = Assert.Throws<ArgumentException>(() => Device.Parse(text));
        Assert.Contains(text, error.Message);
    }

    private static double[][] Rows(double[] data, int width) => data.Chunk(width).ToArray();
}
