namespace DeepDsl.Torch;

/// <summary>
/// Collects every tensor created on this thread while it is the innermost scope, and disposes them
/// together — so a training step frees all it allocated without waiting for the GC.
/// Create one with <see cref="torch.NewDisposeScope"/>; keep a result alive past the scope with
/// <see cref="Tensor.MoveToOuterDisposeScope"/> or <see cref="Tensor.DetachFromDisposeScope"/>.
/// </summary>
public sealed class DisposeScope : IDisposable
{
    [ThreadStatic] private static DisposeScope? current;

    private readonly DisposeScope? outer;
    private readonly HashSet<Tensor> tensors = new(ReferenceEqualityComparer.Instance);
    private bool disposed;

    internal DisposeScope()
    {
        outer = current;
        current = this;
    }

    internal static DisposeScope? Current => current;

    /// <summary>Number of live tensors the scope will dispose.</summary>
    public int Count => tensors.Count;

    internal void Register(Tensor tensor)
    {
        tensors.Add(tensor);
        tensor.Scope = this;
    }

    internal void Forget(Tensor tensor) => tensors.Remove(tensor);

    internal void MoveToOuter(Tensor tensor)
    {
        tensors.Remove(tensor);
        tensor.Scope = null;
        outer?.Register(tensor);
    }

    public void Dispose()
    {
        if (disposed) return;
        if (!ReferenceEquals(current, this))
            throw new InvalidOperationException("Dispose scopes must be disposed innermost first.");
        disposed = true;
        current = outer;
        foreach (var tensor in tensors)
        {
            tensor.Scope = null;
            tensor.Dispose();
        }
        tensors.Clear();
    }
}
