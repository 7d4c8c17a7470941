using DeepDsl.Engines;

namespace DeepDsl.Torch;

/// <summary>
/// A libtorch tensor, held by the loaded engine (<see cref="Engine"/>). It owns its engine handle: dispose it (or let a
/// <see cref="DisposeScope"/> do it) to release the memory deterministically; the handle's finalizer is only a safety net.
/// Methods are named as in PyTorch/TorchSharp.
/// </summary>
public sealed partial class Tensor : IDisposable
{
    private readonly IEngineTensor handle;

    internal Tensor(IEngineTensor handle)
    {
        this.handle = handle;
        DisposeScope.Current?.Register(this);
    }

    /// <summary>The loaded engine: every operation goes through it.</summary>
    private static IEngine E => Engine.Current;

    /// <summary>
    /// The engine's handle. A disposed tensor throws here, so that no call (including those that pass raw
    /// pointers, such as optional arguments and tensor lists) can hand libtorch a freed tensor.
    /// </summary>
    internal IEngineTensor Handle => handle.IsClosed
        ? throw new ObjectDisposedException(nameof(Tensor), "This tensor has been disposed (directly or by its dispose scope) and can no longer be used.")
        : handle;

    internal DisposeScope? Scope { get; set; }

    public bool IsDisposed => handle.IsClosed;

    public void Dispose()
    {
        Scope?.Forget(this);
        Scope = null;
        handle.Dispose();
    }

    /// <summary>Keeps this tensor alive past the current dispose scope, handing it to the enclosing one.</summary>
    public Tensor MoveToOuterDisposeScope()
    {
        Scope?.MoveToOuter(this);
        return this;
    }

    /// <summary>Takes this tensor out of every dispose scope: the caller now owns it.</summary>
    public Tensor DetachFromDisposeScope()
    {
        Scope?.Forget(this);
        Scope = null;
        return this;
    }

    public long dim() => shape.Length;

    public long numel() => E.Numel(Handle);

    public long[] shape => E.Shape(Handle);

    public long size(int dimension)
    {
        var s = shape;
        return s[dimension < 0 ? s.Length + dimension : dimension];
    }

    public ScalarType dtype => E.DType(Handle);

    public Device device => E.DeviceOf(Handle);

    public bool is_contiguous() => E.IsContiguous(Handle);

    /// <summary>Copies the elements (from any device) into a new managed array.</summary>
    public unsafe T[] ToArray<T>() where T : unmanaged
    {
        CheckElementType<T>();
        var result = new T[numel()];
        fixed (T* p = result) E.CopyTo(Handle, p, (long)result.Length * sizeof(T));
        return result;
    }

    /// <summary>The value of a one-element tensor.</summary>
    public T item<T>() where T : unmanaged, System.Numerics.INumber<T>
    {
        return T.CreateChecked(E.Item(Handle));
    }

    public Tensor to(Device target) => new(E.To(Handle, dtype, target));

    public Tensor to(ScalarType type) => new(E.To(Handle, type, device));

    public Tensor to(ScalarType type, Device target) => new(E.To(Handle, type, target));

    public Tensor clone() => new(E.Clone(Handle));

    /// <summary>A second handle to the same tensor (shares storage and autograd identity).</summary>
    public Tensor alias() => new(E.Alias(Handle));

    public override string ToString() =>
        IsDisposed ? "tensor(disposed)" : $"tensor([{string.Join(", ", shape)}], dtype={dtype}, device={device})";

    private void CheckElementType<T>() where T : unmanaged
    {
        var expected = ScalarTypes.Of<T>();
        if (expected != dtype)
            throw new InvalidOperationException($"Tensor has dtype {dtype}, not {expected} ({typeof(T).Name}).");
    }
}
