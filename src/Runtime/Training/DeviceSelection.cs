using DeepDsl.Torch;

namespace DeepDsl.Training;

/// <summary>Turns "auto", "cpu", "cuda" or "cuda:N" into a device; auto picks the GPU when there is one.</summary>
public static class DeviceSelection
{
    /// <exception cref="DeviceException">Not a device name, or a CUDA device where libtorch sees none.</exception>
    public static Device Resolve(string requested)
    {
        if (requested.Equals("auto", StringComparison.OrdinalIgnoreCase))
            return torch.cuda.is_available() ? new Device(DeviceType.CUDA, 0) : Device.CPU;
        if (!IsDeviceName(requested)) throw new DeviceException($"unknown device '{requested}': expected auto, cpu, cuda or cuda:N");
        var device = Device.Parse(requested);
        if (device.Type == DeviceType.CUDA && !torch.cuda.is_available())
            throw new DeviceException($"device '{requested}' was asked for, but this libtorch sees no CUDA device (build the shim against a CUDA libtorch with DEEPDSL_LIBTORCH, or use --device cpu).");
        return device;
    }

    /// <summary>Whether <paramref name="text"/> names a device: auto, cpu, cuda or cuda:N (what --device and training.device accept).</summary>
    public static bool IsDeviceName(string text)
    {
        var t = text.Trim().ToLowerInvariant();
        if (t is "auto" or "cpu" or "cuda") return true;
        return t.StartsWith("cuda:", StringComparison.Ordinal) && int.TryParse(t["cuda:".Length..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _);
    }
}
