using TS = global::TorchSharp.torch;

namespace DeepDsl.Engines.TorchSharp;

// Views, reshapes, slicing, gathering and joining.
internal sealed partial class TorchSharpEngine
{
    public IEngineTensor Reshape(IEngineTensor t, ReadOnlySpan<long> shape)
    {
        var size = shape.ToArray();
        return New(() => T(t).reshape(size));
    }

    public IEngineTensor View(IEngineTensor t, ReadOnlySpan<long> shape)
    {
        var size = shape.ToArray();
        return New(() => T(t).view(size));
    }

    public IEngineTensor Expand(IEngineTensor t, ReadOnlySpan<long> shape)
    {
        var size = shape.ToArray();
        return New(() => T(t).expand(size));
    }

    public IEngineTensor Permute(IEngineTensor t, ReadOnlySpan<long> order)
    {
        var permutation = order.ToArray();
        return New(() => T(t).permute(permutation));
    }

    public IEngineTensor Flatten(IEngineTensor t, long startDim, long endDim) => New(() => T(t).flatten(startDim, endDim));

    public IEngineTensor Narrow(IEngineTensor t, long dim, long start, long length) => New(() => T(t).narrow(dim, start, length));

    public IEngineTensor Select(IEngineTensor t, long dim, long index) => New(() => T(t).select(dim, index));

    public IEngineTensor IndexSelect(IEngineTensor t, long dim, IEngineTensor index) => New(() => T(t).index_select(dim, T(index)));

    public IEngineTensor Transpose(IEngineTensor t, long dim0, long dim1) => New(() => T(t).transpose(dim0, dim1));

    public IEngineTensor Contiguous(IEngineTensor t) => New(() => T(t).contiguous());

    public IEngineTensor Unsqueeze(IEngineTensor t, long dim) => New(() => T(t).unsqueeze(dim));

    public IEngineTensor Squeeze(IEngineTensor t, long dim) => New(() => T(t).squeeze(dim));

    public IEngineTensor Cat(IReadOnlyList<IEngineTensor> tensors, long dim)
    {
        var list = tensors.Select(T).ToArray();
        if (list.Length == 0) throw new DeepDsl.Torch.TorchException("torch.cat(): expected a non-empty list of Tensors");
        // TorchSharp hands back an alias of a single tensor, where libtorch makes a new one (checking the dimension).
        if (list.Length == 1)
        {
            var rank = list[0].dim();
            if (rank == 0) throw new DeepDsl.Torch.TorchException("zero-dimensional tensor (at position 0) cannot be concatenated");
            if (dim < -rank || dim >= rank)
                throw new DeepDsl.Torch.TorchException($"Dimension out of range (expected to be in range of [{-rank}, {rank - 1}], but got {dim})");
            return New(() => list[0].clone());
        }
        return New(() => TS.cat(list, dim));
    }

    public IEngineTensor Stack(IReadOnlyList<IEngineTensor> tensors, long dim)
    {
        var list = tensors.Select(T).ToArray();
        return New(() => TS.stack(list, dim));
    }
}
