using DeepDsl.Torch;
using TS = global::TorchSharp.torch;
using TSDeviceType = global::TorchSharp.DeviceType;

namespace DeepDsl.Engines.TorchSharp;

/// <summary>DeepDsl's dtypes and devices as TorchSharp's: both use c10's numbers, so these are casts.</summary>
internal static class SharpConvert
{
    private static readonly TS.Device Cpu = new(TSDeviceType.CPU);

    public static TS.ScalarType ToSharp(this ScalarType dtype) => (TS.ScalarType)(sbyte)dtype;

    public static ScalarType FromSharp(TS.ScalarType dtype) => (ScalarType)(sbyte)dtype;

    public static TS.Device ToSharp(this Device device) =>
        device.Type == DeviceType.CPU && device.Index < 0 ? Cpu : new TS.Device((TSDeviceType)(int)device.Type, device.Index);

    public static Device DeviceOf(TS.Tensor t) => new((DeviceType)(int)t.device_type, t.device_index);

    /// <summary>A number as TorchSharp's native scalar, which the caller disposes (left to the GC, each one is a finalizer's work).</summary>
    public static global::TorchSharp.Scalar Scalar(double value) => global::TorchSharp.ScalarExtensionMethods.ToScalar(value);

    /// <summary>libtorch's own name of a dtype, as its messages spell it ("float", "double").</summary>
    public static string LibTorchName(TS.ScalarType dtype) => dtype switch
    {
        TS.ScalarType.Float32 => "float",
        TS.ScalarType.Float64 => "double",
        TS.ScalarType.Int32 => "int",
        TS.ScalarType.Int64 => "long int",
        TS.ScalarType.Byte => "unsigned char",
        TS.ScalarType.Bool => "bool",
        var other => other.ToString(),
    };
}
