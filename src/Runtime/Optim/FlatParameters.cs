using DeepDsl.Torch;
using DeepDsl.Torch.Native;

namespace DeepDsl.Optim;

/// <summary>
/// The parameters of a model laid out in one contiguous buffer, with their gradients in a second
/// one. Each parameter tensor is re-seated in place as a view into <see cref="Values"/> (the C#
/// objects the model holds stay the same), so an optimizer updates every parameter with a handful
/// of whole-buffer libtorch calls instead of a loop of small calls per parameter — for a network of
/// many small layers, per-call overhead is what costs time.
/// </summary>
public sealed class FlatParameters : IDisposable
{
    public unsafe FlatParameters(IEnumerable<Tensor> parameters)
    {
        var tensors = parameters.ToArray();
        if (tensors.Length == 0) throw new ArgumentException("an optimizer needs at least one parameter", nameof(parameters));
        var handles = torch.Handles(tensors);
        IntPtr values, grads;
        fixed (IntPtr* p = handles) LibTorch.Check(LibTorch.dd_flatten_parameters(p, handles.Length, out values, out grads));
        GC.KeepAlive(tensors);
        Parameters = tensors;
        Values = Tensor.FromRaw(values).DetachFromDisposeScope();
        Grads = Tensor.FromRaw(grads).DetachFromDisposeScope();
    }

    /// <summary>The parameters, in order; each is a view into <see cref="Values"/>.</summary>
    public IReadOnlyList<Tensor> Parameters { get; }

    /// <summary>All parameter values, one dimension.</summary>
    public Tensor Values { get; }

    /// <summary>All gradients, one dimension; autograd accumulates into it in place.</summary>
    public Tensor Grads { get; }

    public void Dispose()
    {
        Values.Dispose();
        Grads.Dispose();
    }
}
