using System.Runtime.InteropServices;
using DeepDsl.Torch.Native;

namespace DeepDsl.Torch;

/// <summary>
/// A libtorch tensor. It owns its native handle: dispose it (or let a <see cref="DisposeScope"/>
/// do it) to release the memory deterministically; the finalizer is only a safety net.
/// Methods are named as in PyTorch/TorchSharp.
/// </summary>
public sealed partial class Tensor : IDisposable
{
    private readonly TensorHandle handle;

    internal Tensor(TensorHandle handle)
    {
        this.handle = LibTorch.Check(handle);
        DisposeScope.Current?.Register(this);
    }

    internal static Tensor FromRaw(IntPtr raw) => new(new TensorHandle(raw));

    /// <summary>
    /// The native handle. A disposed tensor throws here, so that no call (including those that pass raw
    /// pointers, such as optional arguments and tensor lists) can hand libtorch a freed tensor.
    /// </summary>
    internal TensorHandle Handle => handle.IsClosed
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

    public long dim() => LibTorch.dd_dim(Handle);

    public long numel() => LibTorch.dd_numel(Handle);

    public unsafe long[] shape
    {
        get
        {
            var result = new long[LibTorch.dd_dim(Handle)];
            fixed (long* p = result) LibTorch.dd_shape(Handle, p);
            return result;
        }
    }

    public long size(int dimension)
    {
        var s = shape;
        return s[dimension < 0 ? s.Length + dimension : dimension];
    }

    public ScalarType dtype => (ScalarType)LibTorch.dd_dtype(Handle);

    public Device device => new((DeviceType)LibTorch.dd_device_type(Handle), LibTorch.dd_device_index(Handle));

    public bool is_contiguous() => LibTorch.dd_is_contiguous(Handle);

    /// <summary>Copies the elements (from any device) into a new managed array.</summary>
    public unsafe T[] ToArray<T>() where T : unmanaged
    {
        CheckElementType<T>();
        var result = new T[numel()];
        fixed (T* p = result) LibTorch.Check(LibTorch.dd_copy_to(Handle, p, (long)result.Length * sizeof(T)));
        return result;
    }

    /// <summary>The value of a one-element tensor.</summary>
    public T item<T>() where T : unmanaged, System.Numerics.INumber<T>
    {
        LibTorch.Check(LibTorch.dd_item(Handle, out var value));
        return T.CreateChecked(value);
    }

    public Tensor to(Device target) => new(LibTorch.dd_to(Handle, (sbyte)dtype, (int)target.Type, target.Index, copy: false));

    public Tensor to(ScalarType type) => new(LibTorch.dd_to(Handle, (sbyte)type, (int)device.Type, device.Index, copy: false));

    public Tensor to(ScalarType type, Device target) => new(LibTorch.dd_to(Handle, (sbyte)type, (int)target.Type, target.Index, copy: false));

    public Tensor clone() => new(LibTorch.dd_clone(Handle));

    /// <summary>A second handle to the same tensor (shares storage and autograd identity).</summary>
    public Tensor alias() => new(LibTorch.dd_alias(Handle));

    public override string ToString() =>
        IsDisposed ? "tensor(disposed)" : $"tensor([{string.Join(", ", shape)}], dtype={dtype}, device={device})";

    private void CheckElementType<T>() where T : unmanaged
    {
        var expected = ScalarTypes.Of<T>();
        if (expected != dtype)
            throw new InvalidOperationException($"Tensor has dtype {dtype}, not {expected} ({typeof(T).Name}).");
    }
}
