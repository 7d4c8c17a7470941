namespace DeepDsl.Training;

/// <summary>The device asked for is not a device name, or is not there (CUDA without a CUDA libtorch): a user's error, reported as one line.</summary>
public sealed class DeviceException(string message) : Exception(message);
