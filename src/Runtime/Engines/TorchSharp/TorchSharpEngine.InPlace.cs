using DeepDsl.Torch;
using TS = global::TorchSharp.torch;

namespace DeepDsl.Engines.TorchSharp;

// In-place updates (what optimizers do) and the initialisers that take more than one call. TorchSharp's in-place
// methods return the tensor itself (their results are never wrapped or disposed) — except zero_, which returns a new
// handle from zeros_out and is therefore not called: fill_ with 0 is what libtorch's zero_ does.
internal sealed partial class TorchSharpEngine
{
    public void UnaryInPlace(IEngineTensor t, InPlaceUnaryOp op) => LibTorchErrors.Run(() =>
    {
        var x = T(t);
        _ = op switch
        {
            InPlaceUnaryOp.Zero => x.fill_(SharpScalars.Zero),
            InPlaceUnaryOp.Neg => x.neg_(),
            InPlaceUnaryOp.Sqrt => x.sqrt_(),
            InPlaceUnaryOp.Abs => x.abs_(),
            InPlaceUnaryOp.Exp => x.exp_(),
            InPlaceUnaryOp.Relu => x.relu_(),
            InPlaceUnaryOp.Sign => x.sign_(),
            _ => throw Unknown("in-place unary", (int)op),
        };
    });

    public void BinaryInPlace(IEngineTensor t, IEngineTensor other, BinaryOp op) => LibTorchErrors.Run(() =>
    {
        var (x, y) = (T(t), T(other));
        switch (op)
        {
            case BinaryOp.Add: x.add_(y, SharpScalars.One); break;
            case BinaryOp.Sub: x.sub_(y); break;
            case BinaryOp.Mul: x.mul_(y); break;
            case BinaryOp.Div: x.div_(y); break;
            // libtorch's maximum_out into self; TorchSharp has no out= form, so the result is copied back.
            case BinaryOp.Maximum: using (var m = x.maximum(y)) x.copy_(m); break;
            case BinaryOp.Minimum: using (var m = x.minimum(y)) x.copy_(m); break;
            case BinaryOp.Copy: x.copy_(y); break;
            default: throw Unknown("in-place binary", (int)op);
        }
    });

    public void ScalarInPlace(IEngineTensor t, double value, BinaryOp op) => LibTorchErrors.Run(() =>
    {
        var x = T(t);
        using var s = SharpConvert.Scalar(value);
        _ = op switch
        {
            BinaryOp.Add => x.add_(s, SharpScalars.One),
            BinaryOp.Sub => x.sub_(s),
            BinaryOp.Mul => x.mul_(s),
            BinaryOp.Div => x.div_(s),
            BinaryOp.Pow => x.pow_(s),
            BinaryOp.Fill => x.fill_(s),
            BinaryOp.ClampMin => x.clamp_min_(s),
            BinaryOp.ClampMax => x.clamp_max_(s),
            _ => throw Unknown("in-place scalar", (int)op),
        };
    });

    public void AddScaledInPlace(IEngineTensor t, IEngineTensor other, double alpha) => LibTorchErrors.Run(() =>
    {
        using var s = SharpConvert.Scalar(alpha);
        T(t).add_(T(other), s);
    });

    public void AddcmulInPlace(IEngineTensor t, IEngineTensor tensor1, IEngineTensor tensor2, double value) => LibTorchErrors.Run(() =>
    {
        using var s = SharpConvert.Scalar(value);
        T(t).addcmul_(T(tensor1), T(tensor2), s);
    });

    public void AddcdivInPlace(IEngineTensor t, IEngineTensor tensor1, IEngineTensor tensor2, double value) => LibTorchErrors.Run(() =>
    {
        using var s = SharpConvert.Scalar(value);
        T(t).addcdiv_(T(tensor1), T(tensor2), s);
    });

    public void LerpInPlace(IEngineTensor t, IEngineTensor end, double weight) => LibTorchErrors.Run(() =>
    {
        // TorchSharp's lerp_ takes the weight as a tensor; one element of t's dtype gives the scalar kernel's result
        // (both compute in t's precision from the weight rounded to it).
        var x = T(t);
        using var w = TS.tensor(weight, x.dtype, x.device);
        x.lerp_(T(end), w);
    });

    public void ClampInPlace(IEngineTensor t, double min, double max) => LibTorchErrors.Run(() =>
    {
        using var low = SharpConvert.Scalar(min);
        using var high = SharpConvert.Scalar(max);
        T(t).clamp_(low, high);
    });

    public void MaskedFillInPlace(IEngineTensor t, IEngineTensor mask, double value) => LibTorchErrors.Run(() =>
    {
        using var s = SharpConvert.Scalar(value);
        T(t).masked_fill_(T(mask), s);
    });

    public void NormalInPlace(IEngineTensor t, double mean, double std) => LibTorchErrors.Run(() =>
    {
        using var _ = TS.no_grad();
        T(t).normal_(mean, std);
    });

    public void UniformInPlace(IEngineTensor t, double low, double high) => LibTorchErrors.Run(() =>
    {
        using var _ = TS.no_grad();
        T(t).uniform_(low, high);
    });

    // The same draws as the native shim's dd_truncated_normal_ (init.cpp), so a seed gives the same weights on both
    // engines over one libtorch: standard normals, those beyond two standard deviations redrawn until none is.
    public void TruncatedNormalInPlace(IEngineTensor t, double mean, double std) => LibTorchErrors.Run(() =>
    {
        using var _ = TS.no_grad();
        var target = T(t);
        var (shape, dtype, device) = (target.shape, target.dtype, target.device);
        var x = TS.randn(shape, dtype, device);
        var outside = Outside(x);
        try
        {
            while (AnyTrue(outside))
            {
                using var redraw = TS.randn(shape, dtype, device);
                var next = TS.where(outside, redraw, x);
                x.Dispose();
                x = next;
                outside.Dispose();
                outside = Outside(x);
            }
            using var s = SharpConvert.Scalar(std);
            using var m = SharpConvert.Scalar(mean);
            target.copy_(x.mul_(s).add_(m, SharpScalars.One));
        }
        finally
        {
            x.Dispose();
            outside.Dispose();
        }
    });

    private static TS.Tensor Outside(TS.Tensor x)
    {
        using var magnitude = x.abs();
        using var two = SharpConvert.Scalar(2.0);
        return magnitude.gt(two);
    }

    private static bool AnyTrue(TS.Tensor mask)
    {
        using var any = mask.any();
        using var value = any.ToScalar();
        return global::TorchSharp.ScalarExtensionMethods.ToBoolean(value);
    }

    // Keras's Orthogonal, as the shim's dd_orthogonal_: QR of a normal matrix of the tensor's 2-D shape (transposed
    // when wide), Q's columns signed by R's diagonal so the result is uniformly distributed, times gain.
    public void OrthogonalInPlace(IEngineTensor t, double gain) => LibTorchErrors.Run(() =>
    {
        using var _ = TS.no_grad();
        var target = T(t);
        if (target.dim() < 2) throw new TorchException($"orthogonal initialisation needs a tensor of at least 2 dimensions, got {target.dim()}");
        var rows = target.shape[0];
        var cols = target.NumberOfElements / rows;
        var wide = rows < cols;
        using var drawn = TS.randn([rows, cols], TS.ScalarType.Float64, target.device);
        using var a = wide ? drawn.t() : drawn.alias();
        var (q, r) = TS.linalg.qr(a);
        using (q)
        using (r)
        {
            using var diagonal = r.diagonal();
            using var signs = diagonal.sign();
            using var signed = q.mul(signs);
            using var oriented = wide ? signed.t() : signed.alias();
            using var shaped = oriented.reshape(target.shape);
            using var scale = SharpConvert.Scalar(gain);
            using var scaled = shaped.mul(scale);
            target.copy_(scaled);
        }
    });

    public void MoveToDevice(IEngineTensor t, Device device) => LibTorchErrors.Run(() =>
    {
        // The handle is re-seated on the moved data, kept a leaf with its requires_grad flag, so a module's parameters
        // keep their identity (as the shim's dd_move_to_device). Copied under no_grad rather than detached: a detached
        // tensor may not change its storage later, which FlattenParameters' set_ does.
        using var _ = TS.no_grad();
        var handle = (SharpTensor)t;
        var grad = handle.Value.requires_grad;
        var target = device.ToSharp();
        var moved = handle.Value.to(target.type, target.index);
        if (grad && !moved.requires_grad) moved.requires_grad = true;
        handle.Reseat(moved);
    });
}
