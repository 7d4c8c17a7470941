using DeepDsl.Engines;

namespace DeepDsl.Torch;

// Autograd: requires_grad, backward, gradients, detach.
public sealed partial class Tensor
{
    public bool requires_grad
    {
        get => E.RequiresGrad(Handle);
        set => E.SetRequiresGrad(Handle, value);
    }

    public Tensor requires_grad_(bool value = true)
    {
        requires_grad = value;
        return this;
    }

    public bool is_leaf => E.IsLeaf(Handle);

    public void backward(Tensor? gradient = null, bool retainGraph = false)
    {
        E.Backward(Handle, gradient?.Handle, retainGraph);
    }

    /// <summary>The accumulated gradient (a new handle to it), or null when none was computed.</summary>
    public Tensor? grad
    {
        get
        {
            return E.Grad(Handle) is { } gradient ? new Tensor(gradient) : null;
        }
        set
        {
            E.SetGrad(Handle, value?.Handle);
        }
    }

    public Tensor detach() => new(E.Detach(Handle));
}
