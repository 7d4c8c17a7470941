using DeepDsl.Torch.Native;

namespace DeepDsl.Torch;

/// <summary>Sets autograd's grad mode for this thread and restores the previous one on dispose.</summary>
public readonly struct GradModeGuard : IDisposable
{
    private readonly bool previous;

    internal GradModeGuard(bool enabled)
    {
        previous = LibTorch.dd_is_grad_enabled();
        LibTorch.dd_set_grad_enabled(enabled);
    }

    public void Dispose() => LibTorch.dd_set_grad_enabled(previous);
}
