using F = global::TorchSharp.torch.nn.functional;
using PaddingModes = global::TorchSharp.PaddingModes;

namespace DeepDsl.Engines.TorchSharp;

// Convolution, constant padding and pooling: each the libtorch op the shim calls (src/Runtime/native/convolution.cpp),
// every size passed explicitly so none of TorchSharp's defaults applies.
internal sealed partial class TorchSharpEngine
{
    public IEngineTensor Conv2d(IEngineTensor x, IEngineTensor weight, IEngineTensor? bias, ReadOnlySpan<long> stride, ReadOnlySpan<long> padding,
        ReadOnlySpan<long> dilation, long groups)
    {
        long[] s = stride.ToArray(), p = padding.ToArray(), d = dilation.ToArray();
        return New(() => F.conv2d(T(x), T(weight), Optional(bias), s, p, d, groups));
    }

    public IEngineTensor Pad(IEngineTensor x, ReadOnlySpan<long> pads, double value)
    {
        var p = pads.ToArray();
        return New(() => F.pad(T(x), p, PaddingModes.Constant, value));
    }

    public IEngineTensor MaxPool2d(IEngineTensor x, ReadOnlySpan<long> kernel, ReadOnlySpan<long> stride, ReadOnlySpan<long> padding,
        ReadOnlySpan<long> dilation, bool ceilMode)
    {
        long[] k = kernel.ToArray(), s = stride.ToArray(), p = padding.ToArray(), d = dilation.ToArray();
        return New(() => F.max_pool2d(T(x), k, s, p, d, ceilMode));
    }

    public IEngineTensor AvgPool2d(IEngineTensor x, ReadOnlySpan<long> kernel, ReadOnlySpan<long> stride, ReadOnlySpan<long> padding,
        bool ceilMode, bool countIncludePad)
    {
        long[] k = kernel.ToArray(), s = stride.ToArray(), p = padding.ToArray();
        return New(() => F.avg_pool2d(T(x), k, s, p, ceilMode, countIncludePad));
    }

    public IEngineTensor AdaptiveAvgPool2d(IEngineTensor x, ReadOnlySpan<long> output)
    {
        var o = output.ToArray();
        return New(() => F.adaptive_avg_pool2d(T(x), o));
    }
}
