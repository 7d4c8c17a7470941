using DeepDsl.Torch;
using F = global::TorchSharp.torch.nn.functional;
using TSReduction = global::TorchSharp.torch.nn.Reduction;

namespace DeepDsl.Engines.TorchSharp;

// nn.functional: parameterised activations, dropout (element-wise and per channel), batch norm and losses.
internal sealed partial class TorchSharpEngine
{
    public IEngineTensor LeakyRelu(IEngineTensor x, double slope) => New(() =>
    {
        using var s = SharpConvert.Scalar(slope);
        return T(x).leaky_relu(s);
    });

    public IEngineTensor Elu(IEngineTensor x, double alpha) => New(() =>
    {
        using var a = SharpConvert.Scalar(alpha);
        using var one = SharpConvert.Scalar(1.0);
        return T(x).elu(a, one, one);
    });

    public IEngineTensor Prelu(IEngineTensor x, IEngineTensor weight) => New(() => T(x).prelu(T(weight)));

    public IEngineTensor Softmax(IEngineTensor x, long dim) => New(() => T(x).softmax(dim));

    public IEngineTensor LogSoftmax(IEngineTensor x, long dim) => New(() => T(x).log_softmax(dim));

    public IEngineTensor Dropout(IEngineTensor x, double p, bool training) => New(() => F.dropout(T(x), p, training));

    public IEngineTensor AlphaDropout(IEngineTensor x, double p, bool training) => New(() => F.alpha_dropout(T(x), p, training));

    // TorchSharp has no feature_dropout of its own; its dropout2d is at::feature_dropout on a 4-D batch (libtorch's
    // _dropoutNd_helper), so any other rank is seen as [N, C, everything else, 1]: the same one draw per sample and
    // channel. (Its dropout1d and dropout3d would take a 2-D or 4-D input as one unbatched sample.)
    public IEngineTensor FeatureDropout(IEngineTensor x, double p, bool training) => New(() =>
    {
        var input = T(x);
        if (input.dim() < 2) throw new TorchException("Feature dropout requires at least 2 dimensions in the input");
        if (input.dim() == 4) return F.dropout2d(input, p, training);
        var shape = input.shape;
        using var batch = input.reshape(shape[0], shape[1], -1, 1);
        using var dropped = F.dropout2d(batch, p, training);
        return dropped.reshape(shape);
    });

    // TorchSharp's batch_norm calls libtorch with cudnn_enabled=false where the shim passes true: the same kernel on the
    // CPU; on CUDA libtorch's own kernel rather than cuDNN's.
    public IEngineTensor BatchNorm(IEngineTensor x, IEngineTensor? weight, IEngineTensor? bias, IEngineTensor? runningMean, IEngineTensor? runningVar,
        bool training, double momentum, double eps) =>
        New(() => F.batch_norm(T(x), Optional(runningMean), Optional(runningVar), Optional(weight), Optional(bias), training, momentum, eps));

    public IEngineTensor CrossEntropy(IEngineTensor logits, IEngineTensor target, torch.nn.Reduction reduction, double labelSmoothing) =>
        New(() => F.cross_entropy(T(logits), T(target), reduction: Sharp(reduction), label_smoothing: labelSmoothing));

    public IEngineTensor NllLoss(IEngineTensor logProbs, IEngineTensor target, torch.nn.Reduction reduction) =>
        New(() => F.nll_loss(T(logProbs), T(target), reduction: Sharp(reduction)));

    public IEngineTensor MseLoss(IEngineTensor input, IEngineTensor target, torch.nn.Reduction reduction) =>
        New(() => F.mse_loss(T(input), T(target), Sharp(reduction)));

    public IEngineTensor BinaryCrossEntropy(IEngineTensor input, IEngineTensor target, torch.nn.Reduction reduction) =>
        New(() => F.binary_cross_entropy(T(input), T(target), reduction: Sharp(reduction)));

    public IEngineTensor BinaryCrossEntropyWithLogits(IEngineTensor input, IEngineTensor target, torch.nn.Reduction reduction) =>
        New(() => F.binary_cross_entropy_with_logits(T(input), T(target), reduction: Sharp(reduction)));

    private static TSReduction Sharp(torch.nn.Reduction reduction) => (TSReduction)(long)reduction;
}
