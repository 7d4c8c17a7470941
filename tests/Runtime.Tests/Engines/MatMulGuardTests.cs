using DeepDsl.Engines.TorchSharp;
using DeepDsl.Torch;
using TS = TorchSharp.torch;

namespace DeepDsl.Runtime.Tests.Engines;

/// <summary>
/// TorchSharp calls libtorch's matmul without an exception guard (an error there ends the process), so the TorchSharp
/// engine checks operands first. The check must refuse exactly what libtorch refuses: each case is also run through
/// the engine under test (libtorch's own checks on the native engine), and both must agree.
/// </summary>
public sealed class MatMulGuardTests
{
    public static TheoryData<long[], long[]> Shapes => new()
    {
        { [3], [3] }, { [3], [4] },
        { [2, 3], [3] }, { [2, 3], [4] },
        { [3], [3, 5] }, { [3], [4, 5] },
        { [2, 3], [3, 4] }, { [2, 3], [4, 5] },
        { [2, 2, 3], [3, 4] }, { [2, 2, 3], [4, 5] },
        { [2, 2, 3], [3] }, { [2, 2, 3], [4] },
        { [3], [2, 3, 4] }, { [4], [2, 3, 4] },
        { [2, 3], [5, 3, 4] }, { [2, 3], [5, 4, 4] },
        { [2, 2, 3], [2, 3, 4] }, { [2, 2, 3], [3, 3, 4] }, { [2, 2, 3], [1, 3, 4] }, { [2, 2, 3], [2, 4, 4] },
        { [1, 2, 2, 3], [5, 1, 3, 4] }, { [2, 2, 2, 3], [3, 1, 3, 4] },
        { [0, 3], [3, 0] }, { [], [3] }, { [3], [] },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void The_guard_refuses_a_pair_of_shapes_exactly_when_libtorch_does(long[] left, long[] right)
    {
        using var scope = torch.NewDisposeScope();
        var libtorch = Record.Exception(() => torch.zeros(left).matmul(torch.zeros(right)));
        var guard = Record.Exception(() => MatMulGuard.Check(Float(left), Float(right)));
        Assert.True((libtorch is null) == (guard is null), $"libtorch: {libtorch?.Message ?? "no error"}; guard: {guard?.Message ?? "no error"}");
        if (guard is not null) Assert.IsType<TorchException>(guard);
    }

    [Fact]
    public void A_mismatch_of_two_matrices_is_worded_as_libtorch_words_it()
    {
        using var scope = torch.NewDisposeScope();
        var libtorch = Assert.Throws<TorchException>(() => torch.zeros([2, 3]).matmul(torch.zeros([4, 5])));
        var guard = Assert.Throws<TorchException>(() => MatMulGuard.Check(Float([2, 3]), Float([4, 5])));
        Assert.Equal("mat1 and mat2 shapes cannot be multiplied (2x3 and 4x5)", guard.Message);
        Assert.Contains(guard.Message, libtorch.Message);
    }

    [Fact]
    public void Operands_of_two_dtypes_are_refused_naming_both()
    {
        var error = Assert.Throws<TorchException>(() => MatMulGuard.Check(Float([2, 3]), Float([3, 2]) with { DType = TS.ScalarType.Float64 }));
        Assert.Equal("expected m1 and m2 to have the same dtype, but got: float != double", error.Message);
    }

    [Fact]
    public void Operands_on_two_devices_are_refused_naming_both()
    {
        var error = Assert.Throws<TorchException>(() => MatMulGuard.Check(Float([2, 3]), Float([3, 2]) with { Device = new Device(DeviceType.CUDA, 0) }));
        Assert.Contains("cpu and cuda:0", error.Message);
    }

    [Theory]
    [InlineData(ScalarType.Bool, false)]
    [InlineData(ScalarType.Int64, true)]
    [InlineData(ScalarType.Float64, true)]
    public void The_guard_refuses_a_dtype_exactly_when_libtorch_does_on_the_cpu(ScalarType dtype, bool multiplies)
    {
        using var scope = torch.NewDisposeScope();
        var libtorch = Record.Exception(() => torch.zeros([2, 3], dtype).matmul(torch.zeros([3, 2], dtype)));
        var guard = Record.Exception(() => MatMulGuard.Check(Float([2, 3]) with { DType = (TS.ScalarType)(sbyte)dtype }, Float([3, 2]) with { DType = (TS.ScalarType)(sbyte)dtype }));
        Assert.Equal(multiplies, libtorch is null);
        Assert.Equal(multiplies, guard is null);
    }

    private static MatMulGuard.Operand Float(long[] shape) => new(shape, TS.ScalarType.Float32, Device.CPU);
}
