using DeepDsl.Torch;

namespace DeepDsl.Training;

/// <summary>Turns "auto", "cpu", "cuda" or "cuda:N" into a device; auto picks the GPU when there is one.</summary>
public static class DeviceSelection
{
    public static Device Resolve(string requested)
    {
        if (requested.Equals("auto", StringComparison.OrdinalIgnoreCase))
            return torch.cuda.is_available() ? new Device(DeviceType.CUDA, 0) : Device.CPU;
        var device = Device.Parse(requested);
        if (device.Type == DeviceType.CUDA && !torch.cuda.is_available())
            throw new ArgumentException($"device '{requested}' was asked for, but this libtorch sees no CUDA device (build the shim against a CUDA libtorch with DEEPDSL_LIBTORCH, or use --device cpu).");
        return device;
    }
}
