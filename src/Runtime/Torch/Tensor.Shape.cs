using DeepDsl.Torch.Native;

namespace DeepDsl.Torch;

// Views, reshapes, slicing, gathering and layout.
public sealed partial class Tensor
{
    public unsafe Tensor reshape(params long[] shape)
    {
        fixed (long* p = shape) return new(LibTorch.dd_reshape(Handle, p, shape.Length));
    }

    public unsafe Tensor view(params long[] shape)
    {
        fixed (long* p = shape) return new(LibTorch.dd_view(Handle, p, shape.Length));
    }

    public unsafe Tensor expand(params long[] shape)
    {
        fixed (long* p = shape) return new(LibTorch.dd_expand(Handle, p, shape.Length));
    }

    public unsafe Tensor permute(params long[] order)
    {
        fixed (long* p = order) return new(LibTorch.dd_permute(Handle, p, order.Length));
    }

    public Tensor flatten(long startDim = 0, long endDim = -1) => new(LibTorch.dd_flatten(Handle, startDim, endDim));
    public Tensor narrow(long dim, long start, long length) => new(LibTorch.dd_narrow(Handle, dim, start, length));
    public Tensor select(long dim, long index) => new(LibTorch.dd_select(Handle, dim, index));
    public Tensor index_select(long dim, Tensor index) => new(LibTorch.dd_index_select(Handle, dim, index.Handle));
    public Tensor transpose(long dim0, long dim1) => new(LibTorch.dd_transpose(Handle, dim0, dim1));
    public Tensor t() => transpose(0, 1);
    public Tensor contiguous() => new(LibTorch.dd_contiguous(Handle));
    public Tensor unsqueeze(long dim) => new(LibTorch.dd_unsqueeze(Handle, dim));
    public Tensor squeeze(long dim) => new(LibTorch.dd_squeeze(Handle, dim));
}
