using TSScalar = global::TorchSharp.Scalar;

namespace DeepDsl.Engines.TorchSharp;

/// <summary>
/// Scalars the engine passes on every step, made once for the process. TorchSharp's own shortcuts would make them per
/// call and leave each to the finalizer (<c>add(t)</c> is <c>add(t, 1)</c> through an implicit conversion). Integers,
/// as libtorch's defaults are: a floating-point alpha is refused for integer tensors.
/// </summary>
internal static class SharpScalars
{
    public static readonly TSScalar One = global::TorchSharp.ScalarExtensionMethods.ToScalar(1L);

    public static readonly TSScalar Zero = global::TorchSharp.ScalarExtensionMethods.ToScalar(0L);
}
