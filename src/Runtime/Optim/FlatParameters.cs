using DeepDsl.Torch;
using DeepDsl.Engines;

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
    public FlatParameters(IEnumerable<Tensor> parameters)
    {
        var tensors = parameters.ToArray();
        if (tensors.Length == 0) throw new ArgumentException("an optimizer needs at least one parameter", nameof(parameters));
        var (values, grads) = Engine.Current.FlattenParameters(torch.Handles(tensors));
        Parameters = tensors;
        Values = new Tensor(values).DetachFromDisposeScope();
        Grads = new Tensor(grads).DetachFromDisposeScope();
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
