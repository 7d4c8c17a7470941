using System.Runtime.InteropServices;
using DeepDsl.Torch;

namespace DeepDsl.Engines.Native;

/// <summary>
/// The C ABI of libdeepdsl_native (src/Runtime/native). Functions that return a tensor return an
/// invalid handle on failure; functions that return int return -1 on failure. Either way the
/// message waits in dd_take_last_error, which <see cref="Check"/> turns into a TorchException.
/// </summary>
internal static partial class LibTorch
{
    internal const string Library = "deepdsl_native";

    [LibraryImport(Library)] internal static partial IntPtr dd_take_last_error();
    [LibraryImport(Library)] internal static partial void dd_tensor_free(IntPtr tensor);

    // runtime
    [LibraryImport(Library)] internal static partial int dd_manual_seed(ulong seed);
    [LibraryImport(Library)] internal static partial int dd_set_num_threads(int n);
    [LibraryImport(Library)] internal static partial int dd_get_num_threads();
    [LibraryImport(Library)] internal static partial int dd_get_blas_threads();
    [LibraryImport(Library)] internal static partial int dd_cuda_device_count();
    [LibraryImport(Library)] internal static partial int dd_cuda_synchronize(int deviceIndex);
    [LibraryImport(Library)] internal static unsafe partial long dd_config(byte* buffer, long capacity);

    // creation and metadata
    [LibraryImport(Library)] internal static unsafe partial TensorHandle dd_zeros(long* shape, int ndim, sbyte dtype, int dev, int idx, [MarshalAs(UnmanagedType.U1)] bool grad);
    [LibraryImport(Library)] internal static unsafe partial TensorHandle dd_ones(long* shape, int ndim, sbyte dtype, int dev, int idx, [MarshalAs(UnmanagedType.U1)] bool grad);
    [LibraryImport(Library)] internal static unsafe partial TensorHandle dd_empty(long* shape, int ndim, sbyte dtype, int dev, int idx, [MarshalAs(UnmanagedType.U1)] bool grad);
    [LibraryImport(Library)] internal static unsafe partial TensorHandle dd_full(long* shape, int ndim, double value, sbyte dtype, int dev, int idx, [MarshalAs(UnmanagedType.U1)] bool grad);
    [LibraryImport(Library)] internal static partial TensorHandle dd_arange(double start, double end, double step, sbyte dtype, int dev, int idx);
    [LibraryImport(Library)] internal static unsafe partial TensorHandle dd_randn(long* shape, int ndim, sbyte dtype, int dev, int idx);
    [LibraryImport(Library)] internal static unsafe partial TensorHandle dd_rand(long* shape, int ndim, sbyte dtype, int dev, int idx);
    [LibraryImport(Library)] internal static unsafe partial TensorHandle dd_randint(long low, long high, long* shape, int ndim, sbyte dtype, int dev, int idx);
    [LibraryImport(Library)] internal static partial TensorHandle dd_randperm(long n, sbyte dtype, int dev, int idx);
    [LibraryImport(Library)] internal static unsafe partial TensorHandle dd_from_data(void* data, long* shape, int ndim, sbyte dtype);
    [LibraryImport(Library)] internal static unsafe partial int dd_copy_to(TensorHandle t, void* destination, long nbytes);
    [LibraryImport(Library)] internal static partial int dd_item(TensorHandle t, out double value);
    [LibraryImport(Library)] internal static partial int dd_dim(TensorHandle t);
    [LibraryImport(Library)] internal static unsafe partial void dd_shape(TensorHandle t, long* shape);
    [LibraryImport(Library)] internal static partial long dd_numel(TensorHandle t);
    [LibraryImport(Library)] internal static partial sbyte dd_dtype(TensorHandle t);
    [LibraryImport(Library)] internal static partial int dd_device_type(TensorHandle t);
    [LibraryImport(Library)] internal static partial int dd_device_index(TensorHandle t);
    [LibraryImport(Library)] [return: MarshalAs(UnmanagedType.U1)] internal static partial bool dd_is_contiguous(TensorHandle t);
    [LibraryImport(Library)] internal static partial TensorHandle dd_to(TensorHandle t, sbyte dtype, int dev, int idx, [MarshalAs(UnmanagedType.U1)] bool copy);
    [LibraryImport(Library)] internal static partial TensorHandle dd_clone(TensorHandle t);
    [LibraryImport(Library)] internal static partial TensorHandle dd_alias(TensorHandle t);

    // shape
    [LibraryImport(Library)] internal static unsafe partial TensorHandle dd_reshape(TensorHandle t, long* shape, int ndim);
    [LibraryImport(Library)] internal static unsafe partial TensorHandle dd_view(TensorHandle t, long* shape, int ndim);
    [LibraryImport(Library)] internal static partial TensorHandle dd_flatten(TensorHandle t, long start, long end);
    [LibraryImport(Library)] internal static partial TensorHandle dd_narrow(TensorHandle t, long dim, long start, long length);
    [LibraryImport(Library)] internal static partial TensorHandle dd_select(TensorHandle t, long dim, long index);
    [LibraryImport(Library)] internal static partial TensorHandle dd_index_select(TensorHandle t, long dim, TensorHandle index);
    [LibraryImport(Library)] internal static partial TensorHandle dd_transpose(TensorHandle t, long d0, long d1);
    [LibraryImport(Library)] internal static unsafe partial TensorHandle dd_permute(TensorHandle t, long* order, int n);
    [LibraryImport(Library)] internal static partial TensorHandle dd_contiguous(TensorHandle t);
    [LibraryImport(Library)] internal static partial TensorHandle dd_unsqueeze(TensorHandle t, long dim);
    [LibraryImport(Library)] internal static partial TensorHandle dd_squeeze(TensorHandle t, long dim);
    [LibraryImport(Library)] internal static unsafe partial TensorHandle dd_expand(TensorHandle t, long* shape, int ndim);
    [LibraryImport(Library)] internal static unsafe partial TensorHandle dd_cat(IntPtr* tensors, int n, long dim);
    [LibraryImport(Library)] internal static unsafe partial TensorHandle dd_stack(IntPtr* tensors, int n, long dim);

    // math
    [LibraryImport(Library)] internal static partial TensorHandle dd_unary(TensorHandle t, UnaryOp op);
    [LibraryImport(Library)] internal static partial TensorHandle dd_binary(TensorHandle a, TensorHandle b, BinaryOp op);
    [LibraryImport(Library)] internal static partial TensorHandle dd_binary_scalar(TensorHandle a, double s, BinaryOp op);
    [LibraryImport(Library)] internal static partial TensorHandle dd_add_scaled(TensorHandle a, TensorHandle b, double alpha);
    [LibraryImport(Library)] internal static partial TensorHandle dd_clamp(TensorHandle t, double min, double max, [MarshalAs(UnmanagedType.U1)] bool hasMin, [MarshalAs(UnmanagedType.U1)] bool hasMax);
    [LibraryImport(Library)] internal static partial TensorHandle dd_where(TensorHandle condition, TensorHandle a, TensorHandle b);
    [LibraryImport(Library)] internal static partial TensorHandle dd_masked_fill(TensorHandle t, TensorHandle mask, double value);
    [LibraryImport(Library)] internal static partial TensorHandle dd_linear(TensorHandle x, TensorHandle weight, IntPtr bias);
    [LibraryImport(Library)] internal static partial TensorHandle dd_addmm(TensorHandle c, TensorHandle a, TensorHandle b, double beta, double alpha);
    [LibraryImport(Library)] internal static partial TensorHandle dd_reduce_all(TensorHandle t, ReductionOp op);
    [LibraryImport(Library)] internal static unsafe partial TensorHandle dd_reduce_dims(TensorHandle t, long* dims, int n, [MarshalAs(UnmanagedType.U1)] bool keepdim, ReductionOp op);
    [LibraryImport(Library)] internal static unsafe partial TensorHandle dd_std_var(TensorHandle t, long* dims, int n, [MarshalAs(UnmanagedType.U1)] bool unbiased, [MarshalAs(UnmanagedType.U1)] bool keepdim, [MarshalAs(UnmanagedType.U1)] bool isVar);
    [LibraryImport(Library)] internal static partial int dd_minmax_dim(TensorHandle t, long dim, [MarshalAs(UnmanagedType.U1)] bool keepdim, [MarshalAs(UnmanagedType.U1)] bool isMin, out IntPtr values, out IntPtr indices);
    [LibraryImport(Library)] internal static partial TensorHandle dd_argmax(TensorHandle t, long dim, [MarshalAs(UnmanagedType.U1)] bool hasDim, [MarshalAs(UnmanagedType.U1)] bool keepdim);

    // in place
    [LibraryImport(Library)] internal static partial int dd_unary_(TensorHandle t, InPlaceUnaryOp op);
    [LibraryImport(Library)] internal static partial int dd_binary_(TensorHandle a, TensorHandle b, BinaryOp op);
    [LibraryImport(Library)] internal static partial int dd_scalar_(TensorHandle t, double s, BinaryOp op);
    [LibraryImport(Library)] internal static partial int dd_add_scaled_(TensorHandle a, TensorHandle b, double alpha);
    [LibraryImport(Library)] internal static partial int dd_addcmul_(TensorHandle t, TensorHandle t1, TensorHandle t2, double value);
    [LibraryImport(Library)] internal static partial int dd_addcdiv_(TensorHandle t, TensorHandle t1, TensorHandle t2, double value);
    [LibraryImport(Library)] internal static partial int dd_lerp_(TensorHandle t, TensorHandle end, double weight);
    [LibraryImport(Library)] internal static partial int dd_clamp_(TensorHandle t, double min, double max);
    [LibraryImport(Library)] internal static partial int dd_masked_fill_(TensorHandle t, TensorHandle mask, double value);

    // nn.functional
    [LibraryImport(Library)] internal static partial TensorHandle dd_leaky_relu(TensorHandle x, double slope);
    [LibraryImport(Library)] internal static partial TensorHandle dd_elu(TensorHandle x, double alpha);
    [LibraryImport(Library)] internal static partial TensorHandle dd_prelu(TensorHandle x, TensorHandle weight);
    [LibraryImport(Library)] internal static partial TensorHandle dd_softmax(TensorHandle x, long dim);
    [LibraryImport(Library)] internal static partial TensorHandle dd_log_softmax(TensorHandle x, long dim);
    [LibraryImport(Library)] internal static partial TensorHandle dd_dropout(TensorHandle x, double p, [MarshalAs(UnmanagedType.U1)] bool train);
    [LibraryImport(Library)] internal static partial TensorHandle dd_alpha_dropout(TensorHandle x, double p, [MarshalAs(UnmanagedType.U1)] bool train);
    [LibraryImport(Library)] internal static partial TensorHandle dd_feature_dropout(TensorHandle x, double p, [MarshalAs(UnmanagedType.U1)] bool train);
    [LibraryImport(Library)] internal static partial TensorHandle dd_batch_norm(TensorHandle x, IntPtr weight, IntPtr bias, IntPtr runningMean, IntPtr runningVar, [MarshalAs(UnmanagedType.U1)] bool training, double momentum, double eps);
    [LibraryImport(Library)] internal static partial TensorHandle dd_cross_entropy(TensorHandle logits, TensorHandle target, int reduction, double labelSmoothing);
    [LibraryImport(Library)] internal static partial TensorHandle dd_nll_loss(TensorHandle logProbs, TensorHandle target, int reduction);
    [LibraryImport(Library)] internal static partial TensorHandle dd_mse_loss(TensorHandle input, TensorHandle target, int reduction);
    [LibraryImport(Library)] internal static partial TensorHandle dd_binary_cross_entropy(TensorHandle input, TensorHandle target, int reduction);
    [LibraryImport(Library)] internal static partial TensorHandle dd_binary_cross_entropy_with_logits(TensorHandle input, TensorHandle target, int reduction);

    // convolution and pooling (every size a pair: height, width)
    [LibraryImport(Library)] internal static unsafe partial TensorHandle dd_conv2d(TensorHandle x, TensorHandle weight, IntPtr bias, long* stride, long* padding, long* dilation, long groups);
    [LibraryImport(Library)] internal static unsafe partial TensorHandle dd_pad(TensorHandle x, long* pads, int n, double value);
    [LibraryImport(Library)] internal static unsafe partial TensorHandle dd_max_pool2d(TensorHandle x, long* kernel, long* stride, long* padding, long* dilation, [MarshalAs(UnmanagedType.U1)] bool ceilMode);
    [LibraryImport(Library)] internal static unsafe partial TensorHandle dd_avg_pool2d(TensorHandle x, long* kernel, long* stride, long* padding, [MarshalAs(UnmanagedType.U1)] bool ceilMode, [MarshalAs(UnmanagedType.U1)] bool countIncludePad);
    [LibraryImport(Library)] internal static unsafe partial TensorHandle dd_adaptive_avg_pool2d(TensorHandle x, long* output);

    // autograd
    [LibraryImport(Library)] [return: MarshalAs(UnmanagedType.U1)] internal static partial bool dd_requires_grad(TensorHandle t);
    [LibraryImport(Library)] internal static partial int dd_set_requires_grad(TensorHandle t, [MarshalAs(UnmanagedType.U1)] bool value);
    [LibraryImport(Library)] [return: MarshalAs(UnmanagedType.U1)] internal static partial bool dd_is_leaf(TensorHandle t);
    [LibraryImport(Library)] internal static partial int dd_backward(TensorHandle t, IntPtr gradient, [MarshalAs(UnmanagedType.U1)] bool retainGraph);
    [LibraryImport(Library)] internal static partial int dd_grad(TensorHandle t, out IntPtr gradient);
    [LibraryImport(Library)] internal static partial int dd_set_grad(TensorHandle t, IntPtr gradient);
    [LibraryImport(Library)] internal static partial TensorHandle dd_detach(TensorHandle t);
    [LibraryImport(Library)] [return: MarshalAs(UnmanagedType.U1)] internal static partial bool dd_is_grad_enabled();
    [LibraryImport(Library)] internal static partial void dd_set_grad_enabled([MarshalAs(UnmanagedType.U1)] bool enabled);
    [LibraryImport(Library)] internal static unsafe partial int dd_flatten_parameters(IntPtr* parameters, int n, out IntPtr flat, out IntPtr grad);

    // initialisation and placement
    [LibraryImport(Library)] internal static partial int dd_normal_(TensorHandle t, double mean, double std);
    [LibraryImport(Library)] internal static partial int dd_uniform_(TensorHandle t, double low, double high);
    [LibraryImport(Library)] internal static partial int dd_truncated_normal_(TensorHandle t, double mean, double std);
    [LibraryImport(Library)] internal static partial int dd_orthogonal_(TensorHandle t, double gain);
    [LibraryImport(Library)] internal static partial int dd_move_to_device(TensorHandle t, int deviceType, int deviceIndex);

    /// <summary>Throws the pending native error if <paramref name="status"/> signals one.</summary>
    internal static void Check(int status)
    {
        if (status != 0) throw TakeError();
    }

    /// <summary>Returns the handle, or throws the pending native error when the call failed.</summary>
    internal static TensorHandle Check(TensorHandle handle)
    {
        if (handle.IsInvalid) throw TakeError();
        return handle;
    }

    internal static TorchException TakeError()
    {
        var message = Marshal.PtrToStringUTF8(dd_take_last_error());
        return new TorchException(message ?? "libtorch reported a failure without a message");
    }
}
