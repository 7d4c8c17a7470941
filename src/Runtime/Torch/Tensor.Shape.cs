namespace DeepDsl.Torch;

// Views, reshapes, slicing, gathering and layout.
public sealed partial class Tensor
{
    public Tensor reshape(params long[] shape) => new(E.Reshape(Handle, shape));

    public Tensor view(params long[] shape) => new(E.View(Handle, shape));

    public Tensor expand(params long[] shape) => new(E.Expand(Handle, shape));

    public Tensor permute(params long[] order) => new(E.Permute(Handle, order));

    public Tensor flatten(long startDim = 0, long endDim = -1) => new(E.Flatten(Handle, startDim, endDim));
    public Tensor narrow(long dim, long start, long length) => new(E.Narrow(Handle, dim, start, length));
    public Tensor select(long dim, long index) => new(E.Select(Handle, dim, index));
    public Tensor index_select(long dim, Tensor index) => new(E.IndexSelect(Handle, dim, index.Handle));
    public Tensor transpose(long dim0, long dim1) => new(E.Transpose(Handle, dim0, dim1));
    public Tensor t() => transpose(0, 1);
    public Tensor contiguous() => new(E.Contiguous(Handle));
    public Tensor unsqueeze(long dim) => new(E.Unsqueeze(Handle, dim));
    public Tensor squeeze(long dim) => new(E.Squeeze(Handle, dim));
}
