using DeepDsl.Torch;

namespace DeepDsl.Engines.Native;

/// <summary>
/// The native engine: DeepDsl's C ABI shim (src/Runtime/native) over the libtorch it was built against — Debian's 1.13,
/// 2.x through DEEPDSL_LIBTORCH, CUDA ones included. Each member is one shim call; a failed call leaves its message in
/// the shim, which <see cref="LibTorch.Check(int)"/> turns into a <see cref="TorchException"/>.
/// </summary>
internal sealed unsafe class NativeEngine : IEngine
{
    public const string EngineName = "native";

    private NativeEngine() { }

    /// <summary>Loads the shim (and the libtorch it links) now, so that a missing one is reported before any tensor.</summary>
    public static IEngine Load()
    {
        LibTorch.dd_get_num_threads();
        return new NativeEngine();
    }

    public string Name => EngineName;

    private static TensorHandle H(IEngineTensor t) => (TensorHandle)t;

    private static IntPtr Raw(IEngineTensor? t) => t is null ? IntPtr.Zero : H(t).DangerousGetHandle();

    private static TensorHandle Made(TensorHandle handle) => LibTorch.Check(handle);

    private static TensorHandle Made(IntPtr raw) => LibTorch.Check(new TensorHandle(raw));

    public EngineInfo Info()
    {
        var config = Config();
        var blasThreads = LibTorch.dd_get_blas_threads() is var n and >= 0 ? n : (int?)null;
        // Debian builds libtorch against the generic BLAS interface (BLAS_INFO=generic) and the system picks the library:
        // when the shim finds OpenBLAS's thread pool in the process, OpenBLAS is what multiplies.
        var blas = blasThreads is not null ? "OpenBLAS" : EngineInfo.BlasOf(config);
        return new EngineInfo(EngineName, EngineInfo.LibTorchVersion(config), blas, GetNumThreads(), blasThreads, CudaDeviceCount());
    }

    /// <summary>libtorch's version line ("libtorch 2.6.0") and build configuration (BLAS, CUDA, CPU capabilities).</summary>
    private static string Config()
    {
        var length = LibTorch.dd_config(null, 0);
        if (length < 0) throw LibTorch.TakeError();
        var buffer = new byte[length + 1];
        fixed (byte* p = buffer) LibTorch.dd_config(p, buffer.Length);
        return System.Text.Encoding.UTF8.GetString(buffer, 0, (int)length);
    }

    public void ManualSeed(ulong seed) => LibTorch.Check(LibTorch.dd_manual_seed(seed));
    public void SetNumThreads(int threads) => LibTorch.Check(LibTorch.dd_set_num_threads(threads));
    public int GetNumThreads() => LibTorch.dd_get_num_threads();
    public int CudaDeviceCount() => LibTorch.dd_cuda_device_count();
    public void CudaSynchronize(int device) => LibTorch.Check(LibTorch.dd_cuda_synchronize(device));
    public bool IsGradEnabled() => LibTorch.dd_is_grad_enabled();
    public void SetGradEnabled(bool enabled) => LibTorch.dd_set_grad_enabled(enabled);

    public IEngineTensor Fill(FillKind kind, ReadOnlySpan<long> shape, double value, ScalarType dtype, Device device, bool requiresGrad)
    {
        fixed (long* p = shape)
            return Made(kind switch
            {
                FillKind.Zeros => LibTorch.dd_zeros(p, shape.Length, (sbyte)dtype, (int)device.Type, device.Index, requiresGrad),
                FillKind.Ones => LibTorch.dd_ones(p, shape.Length, (sbyte)dtype, (int)device.Type, device.Index, requiresGrad),
                FillKind.Empty => LibTorch.dd_empty(p, shape.Length, (sbyte)dtype, (int)device.Type, device.Index, requiresGrad),
                _ => LibTorch.dd_full(p, shape.Length, value, (sbyte)dtype, (int)device.Type, device.Index, requiresGrad),
            });
    }

    public IEngineTensor Arange(double start, double end, double step, ScalarType dtype, Device device) =>
        Made(LibTorch.dd_arange(start, end, step, (sbyte)dtype, (int)device.Type, device.Index));

    public IEngineTensor Random(RandomKind kind, ReadOnlySpan<long> shape, ScalarType dtype, Device device)
    {
        fixed (long* p = shape)
            return Made(kind == RandomKind.Normal
                ? LibTorch.dd_randn(p, shape.Length, (sbyte)dtype, (int)device.Type, device.Index)
                : LibTorch.dd_rand(p, shape.Length, (sbyte)dtype, (int)device.Type, device.Index));
    }

    public IEngineTensor RandInt(long low, long high, ReadOnlySpan<long> shape, ScalarType dtype, Device device)
    {
        fixed (long* p = shape) return Made(LibTorch.dd_randint(low, high, p, shape.Length, (sbyte)dtype, (int)device.Type, device.Index));
    }

    public IEngineTensor RandPerm(long n, ScalarType dtype, Device device) => Made(LibTorch.dd_randperm(n, (sbyte)dtype, (int)device.Type, device.Index));

    public IEngineTensor FromData(void* data, long bytes, ReadOnlySpan<long> shape, ScalarType dtype)
    {
        fixed (long* p = shape) return Made(LibTorch.dd_from_data(data, p, shape.Length, (sbyte)dtype));
    }

    public void CopyTo(IEngineTensor t, void* destination, long bytes) => LibTorch.Check(LibTorch.dd_copy_to(H(t), destination, bytes));

    public double Item(IEngineTensor t)
    {
        LibTorch.Check(LibTorch.dd_item(H(t), out var value));
        return value;
    }

    public long[] Shape(IEngineTensor t)
    {
        var result = new long[LibTorch.dd_dim(H(t))];
        fixed (long* p = result) LibTorch.dd_shape(H(t), p);
        return result;
    }

    public long Numel(IEngineTensor t) => LibTorch.dd_numel(H(t));
    public ScalarType DType(IEngineTensor t) => (ScalarType)LibTorch.dd_dtype(H(t));
    public Device DeviceOf(IEngineTensor t) => new((DeviceType)LibTorch.dd_device_type(H(t)), LibTorch.dd_device_index(H(t)));
    public bool IsContiguous(IEngineTensor t) => LibTorch.dd_is_contiguous(H(t));
    public IEngineTensor To(IEngineTensor t, ScalarType dtype, Device device) => Made(LibTorch.dd_to(H(t), (sbyte)dtype, (int)device.Type, device.Index, copy: false));
    public IEngineTensor Clone(IEngineTensor t) => Made(LibTorch.dd_clone(H(t)));
    public IEngineTensor Alias(IEngineTensor t) => Made(LibTorch.dd_alias(H(t)));

    public IEngineTensor Reshape(IEngineTensor t, ReadOnlySpan<long> shape)
    {
        fixed (long* p = shape) return Made(LibTorch.dd_reshape(H(t), p, shape.Length));
    }

    public IEngineTensor View(IEngineTensor t, ReadOnlySpan<long> shape)
    {
        fixed (long* p = shape) return Made(LibTorch.dd_view(H(t), p, shape.Length));
    }

    public IEngineTensor Expand(IEngineTensor t, ReadOnlySpan<long> shape)
    {
        fixed (long* p = shape) return Made(LibTorch.dd_expand(H(t), p, shape.Length));
    }

    public IEngineTensor Permute(IEngineTensor t, ReadOnlySpan<long> order)
    {
        fixed (long* p = order) return Made(LibTorch.dd_permute(H(t), p, order.Length));
    }

    public IEngineTensor Flatten(IEngineTensor t, long startDim, long endDim) => Made(LibTorch.dd_flatten(H(t), startDim, endDim));
    public IEngineTensor Narrow(IEngineTensor t, long dim, long start, long length) => Made(LibTorch.dd_narrow(H(t), dim, start, length));
    public IEngineTensor Select(IEngineTensor t, long dim, long index) => Made(LibTorch.dd_select(H(t), dim, index));
    public IEngineTensor IndexSelect(IEngineTensor t, long dim, IEngineTensor index) => Made(LibTorch.dd_index_select(H(t), dim, H(index)));
    public IEngineTensor Transpose(IEngineTensor t, long dim0, long dim1) => Made(LibTorch.dd_transpose(H(t), dim0, dim1));
    public IEngineTensor Contiguous(IEngineTensor t) => Made(LibTorch.dd_contiguous(H(t)));
    public IEngineTensor Unsqueeze(IEngineTensor t, long dim) => Made(LibTorch.dd_unsqueeze(H(t), dim));
    public IEngineTensor Squeeze(IEngineTensor t, long dim) => Made(LibTorch.dd_squeeze(H(t), dim));

    public IEngineTensor Cat(IReadOnlyList<IEngineTensor> tensors, long dim)
    {
        var raw = RawAll(tensors);
        TensorHandle result;
        fixed (IntPtr* p = raw) result = Made(LibTorch.dd_cat(p, raw.Length, dim));
        GC.KeepAlive(tensors);
        return result;
    }

    public IEngineTensor Stack(IReadOnlyList<IEngineTensor> tensors, long dim)
    {
        var raw = RawAll(tensors);
        TensorHandle result;
        fixed (IntPtr* p = raw) result = Made(LibTorch.dd_stack(p, raw.Length, dim));
        GC.KeepAlive(tensors);
        return result;
    }

    /// <summary>Raw pointers for the shim's tensor lists; the caller's Tensors keep the handles alive across the call.</summary>
    private static IntPtr[] RawAll(IReadOnlyList<IEngineTensor> tensors)
    {
        var raw = new IntPtr[tensors.Count];
        for (var i = 0; i < raw.Length; i++) raw[i] = Raw(tensors[i]);
        return raw;
    }

    public IEngineTensor Unary(IEngineTensor t, UnaryOp op) => Made(LibTorch.dd_unary(H(t), op));
    public IEngineTensor Binary(IEngineTensor a, IEngineTensor b, BinaryOp op) => Made(LibTorch.dd_binary(H(a), H(b), op));
    public IEngineTensor BinaryScalar(IEngineTensor a, double value, BinaryOp op) => Made(LibTorch.dd_binary_scalar(H(a), value, op));
    public IEngineTensor AddScaled(IEngineTensor a, IEngineTensor b, double alpha) => Made(LibTorch.dd_add_scaled(H(a), H(b), alpha));
    public IEngineTensor Clamp(IEngineTensor t, double? min, double? max) => Made(LibTorch.dd_clamp(H(t), min ?? 0, max ?? 0, min.HasValue, max.HasValue));
    public IEngineTensor Where(IEngineTensor condition, IEngineTensor a, IEngineTensor b) => Made(LibTorch.dd_where(H(condition), H(a), H(b)));
    public IEngineTensor MaskedFill(IEngineTensor t, IEngineTensor mask, double value) => Made(LibTorch.dd_masked_fill(H(t), H(mask), value));
    public IEngineTensor Linear(IEngineTensor x, IEngineTensor weight, IEngineTensor? bias)
    {
        var result = Made(LibTorch.dd_linear(H(x), H(weight), Raw(bias)));
        GC.KeepAlive(bias);
        return result;
    }
    public IEngineTensor Addmm(IEngineTensor c, IEngineTensor a, IEngineTensor b, double beta, double alpha) => Made(LibTorch.dd_addmm(H(c), H(a), H(b), beta, alpha));
    public IEngineTensor ReduceAll(IEngineTensor t, ReductionOp op) => Made(LibTorch.dd_reduce_all(H(t), op));

    public IEngineTensor ReduceDims(IEngineTensor t, ReadOnlySpan<long> dims, bool keepdim, ReductionOp op)
    {
        fixed (long* p = dims) return Made(LibTorch.dd_reduce_dims(H(t), p, dims.Length, keepdim, op));
    }

    public IEngineTensor StdVar(IEngineTensor t, ReadOnlySpan<long> dims, bool unbiased, bool keepdim, bool isVar)
    {
        fixed (long* p = dims) return Made(LibTorch.dd_std_var(H(t), p, dims.Length, unbiased, keepdim, isVar));
    }

    public (IEngineTensor Values, IEngineTensor Indexes) MinMax(IEngineTensor t, long dim, bool keepdim, bool isMin)
    {
        LibTorch.Check(LibTorch.dd_minmax_dim(H(t), dim, keepdim, isMin, out var values, out var indexes));
        return (Made(values), Made(indexes));
    }

    public IEngineTensor ArgMax(IEngineTensor t, long? dim, bool keepdim) => Made(LibTorch.dd_argmax(H(t), dim ?? 0, dim.HasValue, keepdim));

    public void UnaryInPlace(IEngineTensor t, InPlaceUnaryOp op) => LibTorch.Check(LibTorch.dd_unary_(H(t), op));
    public void BinaryInPlace(IEngineTensor t, IEngineTensor other, BinaryOp op) => LibTorch.Check(LibTorch.dd_binary_(H(t), H(other), op));
    public void ScalarInPlace(IEngineTensor t, double value, BinaryOp op) => LibTorch.Check(LibTorch.dd_scalar_(H(t), value, op));
    public void AddScaledInPlace(IEngineTensor t, IEngineTensor other, double alpha) => LibTorch.Check(LibTorch.dd_add_scaled_(H(t), H(other), alpha));
    public void AddcmulInPlace(IEngineTensor t, IEngineTensor tensor1, IEngineTensor tensor2, double value) => LibTorch.Check(LibTorch.dd_addcmul_(H(t), H(tensor1), H(tensor2), value));
    public void AddcdivInPlace(IEngineTensor t, IEngineTensor tensor1, IEngineTensor tensor2, double value) => LibTorch.Check(LibTorch.dd_addcdiv_(H(t), H(tensor1), H(tensor2), value));
    public void LerpInPlace(IEngineTensor t, IEngineTensor end, double weight) => LibTorch.Check(LibTorch.dd_lerp_(H(t), H(end), weight));
    public void ClampInPlace(IEngineTensor t, double min, double max) => LibTorch.Check(LibTorch.dd_clamp_(H(t), min, max));
    public void MaskedFillInPlace(IEngineTensor t, IEngineTensor mask, double value) => LibTorch.Check(LibTorch.dd_masked_fill_(H(t), H(mask), value));
    public void NormalInPlace(IEngineTensor t, double mean, double std) => LibTorch.Check(LibTorch.dd_normal_(H(t), mean, std));
    public void UniformInPlace(IEngineTensor t, double low, double high) => LibTorch.Check(LibTorch.dd_uniform_(H(t), low, high));
    public void TruncatedNormalInPlace(IEngineTensor t, double mean, double std) => LibTorch.Check(LibTorch.dd_truncated_normal_(H(t), mean, std));
    public void OrthogonalInPlace(IEngineTensor t, double gain) => LibTorch.Check(LibTorch.dd_orthogonal_(H(t), gain));
    public void MoveToDevice(IEngineTensor t, Device device) => LibTorch.Check(LibTorch.dd_move_to_device(H(t), (int)device.Type, device.Index));

    public IEngineTensor LeakyRelu(IEngineTensor x, double slope) => Made(LibTorch.dd_leaky_relu(H(x), slope));
    public IEngineTensor Elu(IEngineTensor x, double alpha) => Made(LibTorch.dd_elu(H(x), alpha));
    public IEngineTensor Prelu(IEngineTensor x, IEngineTensor weight) => Made(LibTorch.dd_prelu(H(x), H(weight)));
    public IEngineTensor Softmax(IEngineTensor x, long dim) => Made(LibTorch.dd_softmax(H(x), dim));
    public IEngineTensor LogSoftmax(IEngineTensor x, long dim) => Made(LibTorch.dd_log_softmax(H(x), dim));
    public IEngineTensor Dropout(IEngineTensor x, double p, bool training) => Made(LibTorch.dd_dropout(H(x), p, training));
    public IEngineTensor AlphaDropout(IEngineTensor x, double p, bool training) => Made(LibTorch.dd_alpha_dropout(H(x), p, training));
    public IEngineTensor FeatureDropout(IEngineTensor x, double p, bool training) => Made(LibTorch.dd_feature_dropout(H(x), p, training));

    public IEngineTensor BatchNorm(IEngineTensor x, IEngineTensor? weight, IEngineTensor? bias, IEngineTensor? runningMean, IEngineTensor? runningVar,
        bool training, double momentum, double eps)
    {
        var result = Made(LibTorch.dd_batch_norm(H(x), Raw(weight), Raw(bias), Raw(runningMean), Raw(runningVar), training, momentum, eps));
        GC.KeepAlive(weight); GC.KeepAlive(bias); GC.KeepAlive(runningMean); GC.KeepAlive(runningVar);
        return result;
    }

    public IEngineTensor CrossEntropy(IEngineTensor logits, IEngineTensor target, torch.nn.Reduction reduction, double labelSmoothing) =>
        Made(LibTorch.dd_cross_entropy(H(logits), H(target), (int)reduction, labelSmoothing));

    public IEngineTensor NllLoss(IEngineTensor logProbs, IEngineTensor target, torch.nn.Reduction reduction) => Made(LibTorch.dd_nll_loss(H(logProbs), H(target), (int)reduction));
    public IEngineTensor MseLoss(IEngineTensor input, IEngineTensor target, torch.nn.Reduction reduction) => Made(LibTorch.dd_mse_loss(H(input), H(target), (int)reduction));
    public IEngineTensor BinaryCrossEntropy(IEngineTensor input, IEngineTensor target, torch.nn.Reduction reduction) => Made(LibTorch.dd_binary_cross_entropy(H(input), H(target), (int)reduction));
    public IEngineTensor BinaryCrossEntropyWithLogits(IEngineTensor input, IEngineTensor target, torch.nn.Reduction reduction) => Made(LibTorch.dd_binary_cross_entropy_with_logits(H(input), H(target), (int)reduction));

    public IEngineTensor Conv2d(IEngineTensor x, IEngineTensor weight, IEngineTensor? bias, ReadOnlySpan<long> stride, ReadOnlySpan<long> padding,
        ReadOnlySpan<long> dilation, long groups)
    {
        TensorHandle result;
        fixed (long* s = Pair(stride), p = Pair(padding), d = Pair(dilation))
            result = Made(LibTorch.dd_conv2d(H(x), H(weight), Raw(bias), s, p, d, groups));
        GC.KeepAlive(bias);
        return result;
    }

    public IEngineTensor Pad(IEngineTensor x, ReadOnlySpan<long> pads, double value)
    {
        fixed (long* p = pads) return Made(LibTorch.dd_pad(H(x), p, pads.Length, value));
    }

    public IEngineTensor MaxPool2d(IEngineTensor x, ReadOnlySpan<long> kernel, ReadOnlySpan<long> stride, ReadOnlySpan<long> padding,
        ReadOnlySpan<long> dilation, bool ceilMode)
    {
        fixed (long* k = Pair(kernel), s = Pair(stride), p = Pair(padding), d = Pair(dilation))
            return Made(LibTorch.dd_max_pool2d(H(x), k, s, p, d, ceilMode));
    }

    public IEngineTensor AvgPool2d(IEngineTensor x, ReadOnlySpan<long> kernel, ReadOnlySpan<long> stride, ReadOnlySpan<long> padding,
        bool ceilMode, bool countIncludePad)
    {
        fixed (long* k = Pair(kernel), s = Pair(stride), p = Pair(padding))
            return Made(LibTorch.dd_avg_pool2d(H(x), k, s, p, ceilMode, countIncludePad));
    }

    public IEngineTensor AdaptiveAvgPool2d(IEngineTensor x, ReadOnlySpan<long> output)
    {
        fixed (long* o = Pair(output)) return Made(LibTorch.dd_adaptive_avg_pool2d(H(x), o));
    }

    /// <summary>The shim reads exactly two numbers behind each size pointer: checked again here, where it reads them.</summary>
    private static ReadOnlySpan<long> Pair(ReadOnlySpan<long> size) => SizePair.Checked(size);

    public bool RequiresGrad(IEngineTensor t) => LibTorch.dd_requires_grad(H(t));
    public void SetRequiresGrad(IEngineTensor t, bool value) => LibTorch.Check(LibTorch.dd_set_requires_grad(H(t), value));
    public bool IsLeaf(IEngineTensor t) => LibTorch.dd_is_leaf(H(t));
    public void Backward(IEngineTensor t, IEngineTensor? gradient, bool retainGraph)
    {
        LibTorch.Check(LibTorch.dd_backward(H(t), Raw(gradient), retainGraph));
        GC.KeepAlive(gradient);
    }

    public IEngineTensor? Grad(IEngineTensor t)
    {
        LibTorch.Check(LibTorch.dd_grad(H(t), out var raw));
        return raw == IntPtr.Zero ? null : new TensorHandle(raw);
    }

    public void SetGrad(IEngineTensor t, IEngineTensor? gradient)
    {
        LibTorch.Check(LibTorch.dd_set_grad(H(t), Raw(gradient)));
        GC.KeepAlive(gradient);
    }
    public IEngineTensor Detach(IEngineTensor t) => Made(LibTorch.dd_detach(H(t)));

    public (IEngineTensor Values, IEngineTensor Grads) FlattenParameters(IReadOnlyList<IEngineTensor> parameters)
    {
        var raw = RawAll(parameters);
        IntPtr values, grads;
        fixed (IntPtr* p = raw) LibTorch.Check(LibTorch.dd_flatten_parameters(p, raw.Length, out values, out grads));
        GC.KeepAlive(parameters);
        return (new TensorHandle(values), new TensorHandle(grads));
    }
}
