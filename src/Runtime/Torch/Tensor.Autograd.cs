using DeepDsl.Torch.Native;

namespace DeepDsl.Torch;

// Autograd: requires_grad, backward, gradients, detach.
public sealed partial class Tensor
{
    public bool requires_grad
    {
        get => LibTorch.dd_requires_grad(Handle);
        set => LibTorch.Check(LibTorch.dd_set_requires_grad(Handle, value));
    }

    public Tensor requires_grad_(bool value = true)
    {
        requires_grad = value;
        return this;
    }

    public bool is_leaf => LibTorch.dd_is_leaf(Handle);

    public void backward(Tensor? gradient = null, bool retainGraph = false)
    {
        LibTorch.Check(LibTorch.dd_backward(Handle, gradient?.Handle.DangerousGetHandle() ?? IntPtr.Zero, retainGraph));
        GC.KeepAlive(gradient);
    }

    /// <summary>The accumulated gradient (a new handle to it), or null when none was computed.</summary>
    public Tensor? grad
    {
        get
        {
            LibTorch.Check(LibTorch.dd_grad(Handle, out var raw));
            return raw == IntPtr.Zero ? null : FromRaw(raw);
        }
        set
        {
            LibTorch.Check(LibTorch.dd_set_grad(Handle, value?.Handle.DangerousGetHandle() ?? IntPtr.Zero));
            GC.KeepAlive(value);
        }
    }

    public Tensor detach() => new(LibTorch.dd_detach(Handle));
}
