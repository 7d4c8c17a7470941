using System.Runtime.InteropServices;
using DeepDsl.Torch;

namespace DeepDsl.Engines.Native;

/// <summary>Owns one native at::Tensor; releasing it drops libtorch's reference.</summary>
internal sealed class TensorHandle : SafeHandle, IEngineTensor
{
    public TensorHandle() : base(IntPtr.Zero, ownsHandle: true) { }

    public TensorHandle(IntPtr handle) : base(IntPtr.Zero, ownsHandle: true) => SetHandle(handle);

    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle()
    {
        LibTorch.dd_tensor_free(handle);
        return true;
    }
}
