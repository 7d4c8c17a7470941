using DeepDsl.Engines;

namespace DeepDsl.Torch;

/// <summary>Sets autograd's grad mode for this thread and restores the previous one on dispose.</summary>
public readonly struct GradModeGuard : IDisposable
{
    private readonly bool previous;

    internal GradModeGuard(bool enabled)
    {
        previous = Engine.Current.IsGradEnabled();
        Engine.Current.SetGradEnabled(enabled);
    }

    public void Dispose() => Engine.Current.SetGradEnabled(previous);
}
