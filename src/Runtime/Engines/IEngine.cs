using DeepDsl.Torch;

namespace DeepDsl.Engines;

/// <summary>
/// Everything DeepDsl.Torch asks of a tensor library — as Keras 3 keeps one module per backend behind one API. The
/// generated code, Nn, Optim and the trainer see only <see cref="Tensor"/> and <see cref="torch"/>; those call the
/// loaded engine (<see cref="Engine.Current"/>), so a spec, its generated code and its run folder do not change with
/// the engine. Every failure of an operation (a shape mismatch, a wrong device, a wrong dtype) is a
/// <see cref="TorchException"/>: an engine checks what its library leaves unguarded before calling it.
/// </summary>
internal interface IEngine
{
    /// <summary>The engine's name as users type it: "native", "torchsharp".</summary>
    string Name { get; }

    // The library under the engine.
    EngineInfo Info();
    void ManualSeed(ulong seed);
    void SetNumThreads(int threads);
    int GetNumThreads();
    int CudaDeviceCount();
    void CudaSynchronize(int device);
    bool IsGradEnabled();
    void SetGradEnabled(bool enabled);

    // Creation and copies.
    IEngineTensor Fill(FillKind kind, ReadOnlySpan<long> shape, double value, ScalarType dtype, Device device, bool requiresGrad);
    IEngineTensor Arange(double start, double end, double step, ScalarType dtype, Device device);
    IEngineTensor Random(RandomKind kind, ReadOnlySpan<long> shape, ScalarType dtype, Device device);
    IEngineTensor RandInt(long low, long high, ReadOnlySpan<long> shape, ScalarType dtype, Device device);
    IEngineTensor RandPerm(long n, ScalarType dtype, Device device);
    unsafe IEngineTensor FromData(void* data, long bytes, ReadOnlySpan<long> shape, ScalarType dtype);
    unsafe void CopyTo(IEngineTensor t, void* destination, long bytes);
    double Item(IEngineTensor t);

    // What a tensor is.
    long[] Shape(IEngineTensor t);
    long Numel(IEngineTensor t);
    ScalarType DType(IEngineTensor t);
    Device DeviceOf(IEngineTensor t);
    bool IsContiguous(IEngineTensor t);
    IEngineTensor To(IEngineTensor t, ScalarType dtype, Device device);
    IEngineTensor Clone(IEngineTensor t);

    /// <summary>A second handle to the same tensor (same storage, same autograd identity).</summary>
    IEngineTensor Alias(IEngineTensor t);

    // Shape.
    IEngineTensor Reshape(IEngineTensor t, ReadOnlySpan<long> shape);
    IEngineTensor View(IEngineTensor t, ReadOnlySpan<long> shape);
    IEngineTensor Expand(IEngineTensor t, ReadOnlySpan<long> shape);
    IEngineTensor Permute(IEngineTensor t, ReadOnlySpan<long> order);
    IEngineTensor Flatten(IEngineTensor t, long startDim, long endDim);
    IEngineTensor Narrow(IEngineTensor t, long dim, long start, long length);
    IEngineTensor Select(IEngineTensor t, long dim, long index);
    IEngineTensor IndexSelect(IEngineTensor t, long dim, IEngineTensor index);
    IEngineTensor Transpose(IEngineTensor t, long dim0, long dim1);
    IEngineTensor Contiguous(IEngineTensor t);
    IEngineTensor Unsqueeze(IEngineTensor t, long dim);
    IEngineTensor Squeeze(IEngineTensor t, long dim);
    IEngineTensor Cat(IReadOnlyList<IEngineTensor> tensors, long dim);
    IEngineTensor Stack(IReadOnlyList<IEngineTensor> tensors, long dim);

    // Math.
    IEngineTensor Unary(IEngineTensor t, UnaryOp op);
    IEngineTensor Binary(IEngineTensor a, IEngineTensor b, BinaryOp op);
    IEngineTensor BinaryScalar(IEngineTensor a, double value, BinaryOp op);
    IEngineTensor AddScaled(IEngineTensor a, IEngineTensor b, double alpha);
    IEngineTensor Clamp(IEngineTensor t, double? min, double? max);
    IEngineTensor Where(IEngineTensor condition, IEngineTensor a, IEngineTensor b);
    IEngineTensor MaskedFill(IEngineTensor t, IEngineTensor mask, double value);
    IEngineTensor Linear(IEngineTensor x, IEngineTensor weight, IEngineTensor? bias);
    IEngineTensor Addmm(IEngineTensor c, IEngineTensor a, IEngineTensor b, double beta, double alpha);
    IEngineTensor ReduceAll(IEngineTensor t, ReductionOp op);
    IEngineTensor ReduceDims(IEngineTensor t, ReadOnlySpan<long> dims, bool keepdim, ReductionOp op);
    IEngineTensor StdVar(IEngineTensor t, ReadOnlySpan<long> dims, bool unbiased, bool keepdim, bool isVar);
    (IEngineTensor Values, IEngineTensor Indexes) MinMax(IEngineTensor t, long dim, bool keepdim, bool isMin);
    IEngineTensor ArgMax(IEngineTensor t, long? dim, bool keepdim);

    // In place: each changes t.
    void UnaryInPlace(IEngineTensor t, InPlaceUnaryOp op);
    void BinaryInPlace(IEngineTensor t, IEngineTensor other, BinaryOp op);
    void ScalarInPlace(IEngineTensor t, double value, BinaryOp op);
    void AddScaledInPlace(IEngineTensor t, IEngineTensor other, double alpha);
    void AddcmulInPlace(IEngineTensor t, IEngineTensor tensor1, IEngineTensor tensor2, double value);
    void AddcdivInPlace(IEngineTensor t, IEngineTensor tensor1, IEngineTensor tensor2, double value);
    void LerpInPlace(IEngineTensor t, IEngineTensor end, double weight);
    void ClampInPlace(IEngineTensor t, double min, double max);
    void MaskedFillInPlace(IEngineTensor t, IEngineTensor mask, double value);
    void NormalInPlace(IEngineTensor t, double mean, double std);
    void UniformInPlace(IEngineTensor t, double low, double high);

    /// <summary>Normal samples redrawn until within two standard deviations of the mean (TensorFlow's truncated_normal).</summary>
    void TruncatedNormalInPlace(IEngineTensor t, double mean, double std);

    /// <summary>A (semi-)orthogonal matrix times gain, drawn as Keras's Orthogonal initializer does.</summary>
    void OrthogonalInPlace(IEngineTensor t, double gain);

    /// <summary>The same handle now refers to the data moved to another device.</summary>
    void MoveToDevice(IEngineTensor t, Device device);

    // nn.functional.
    IEngineTensor LeakyRelu(IEngineTensor x, double slope);
    IEngineTensor Elu(IEngineTensor x, double alpha);
    IEngineTensor Prelu(IEngineTensor x, IEngineTensor weight);
    IEngineTensor Softmax(IEngineTensor x, long dim);
    IEngineTensor LogSoftmax(IEngineTensor x, long dim);
    IEngineTensor Dropout(IEngineTensor x, double p, bool training);
    IEngineTensor AlphaDropout(IEngineTensor x, double p, bool training);

    /// <summary>Dropout of whole channels (dimension 1): one draw per sample and channel, as at::feature_dropout.</summary>
    IEngineTensor FeatureDropout(IEngineTensor x, double p, bool training);

    IEngineTensor BatchNorm(IEngineTensor x, IEngineTensor? weight, IEngineTensor? bias, IEngineTensor? runningMean, IEngineTensor? runningVar,
        bool training, double momentum, double eps);
    IEngineTensor CrossEntropy(IEngineTensor logits, IEngineTensor target, torch.nn.Reduction reduction, double labelSmoothing);
    IEngineTensor NllLoss(IEngineTensor logProbs, IEngineTensor target, torch.nn.Reduction reduction);
    IEngineTensor MseLoss(IEngineTensor input, IEngineTensor target, torch.nn.Reduction reduction);
    IEngineTensor BinaryCrossEntropy(IEngineTensor input, IEngineTensor target, torch.nn.Reduction reduction);
    IEngineTensor BinaryCrossEntropyWithLogits(IEngineTensor input, IEngineTensor target, torch.nn.Reduction reduction);

    // Convolution and pooling over [N, C, H, W]; every size is a (height, width) pair.
    IEngineTensor Conv2d(IEngineTensor x, IEngineTensor weight, IEngineTensor? bias, ReadOnlySpan<long> stride, ReadOnlySpan<long> padding,
        ReadOnlySpan<long> dilation, long groups);

    /// <summary>Constant padding, (before, after) per dimension from the last one backwards, as torch.nn.functional.pad.</summary>
    IEngineTensor Pad(IEngineTensor x, ReadOnlySpan<long> pads, double value);
    IEngineTensor MaxPool2d(IEngineTensor x, ReadOnlySpan<long> kernel, ReadOnlySpan<long> stride, ReadOnlySpan<long> padding,
        ReadOnlySpan<long> dilation, bool ceilMode);
    IEngineTensor AvgPool2d(IEngineTensor x, ReadOnlySpan<long> kernel, ReadOnlySpan<long> stride, ReadOnlySpan<long> padding,
        bool ceilMode, bool countIncludePad);
    IEngineTensor AdaptiveAvgPool2d(IEngineTensor x, ReadOnlySpan<long> output);

    // Autograd.
    bool RequiresGrad(IEngineTensor t);
    void SetRequiresGrad(IEngineTensor t, bool value);
    bool IsLeaf(IEngineTensor t);
    void Backward(IEngineTensor t, IEngineTensor? gradient, bool retainGraph);

    /// <summary>A new handle to the accumulated gradient, or null when none was computed.</summary>
    IEngineTensor? Grad(IEngineTensor t);
    void SetGrad(IEngineTensor t, IEngineTensor? gradient);
    IEngineTensor Detach(IEngineTensor t);

    /// <summary>
    /// Re-seats each parameter in place as a view into one new contiguous buffer of values, and its gradient as a view
    /// into a second one, so an optimizer updates all of them with a few whole-buffer calls.
    /// </summary>
    (IEngineTensor Values, IEngineTensor Grads) FlattenParameters(IReadOnlyList<IEngineTensor> parameters);
}
