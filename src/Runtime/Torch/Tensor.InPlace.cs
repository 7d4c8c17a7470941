using DeepDsl.Engines;

namespace DeepDsl.Torch;

// In-place updates (trailing underscore, as in PyTorch); each returns this tensor.
public sealed partial class Tensor
{
    public Tensor add_(Tensor other) { E.BinaryInPlace(Handle, other.Handle, BinaryOp.Add); return this; }
    public Tensor add_(Tensor other, double alpha) { E.AddScaledInPlace(Handle, other.Handle, alpha); return this; }
    public Tensor add_(double value) { E.ScalarInPlace(Handle, value, BinaryOp.Add); return this; }
    public Tensor sub_(Tensor other) { E.BinaryInPlace(Handle, other.Handle, BinaryOp.Sub); return this; }
    public Tensor sub_(double value) { E.ScalarInPlace(Handle, value, BinaryOp.Sub); return this; }
    public Tensor mul_(Tensor other) { E.BinaryInPlace(Handle, other.Handle, BinaryOp.Mul); return this; }
    public Tensor mul_(double value) { E.ScalarInPlace(Handle, value, BinaryOp.Mul); return this; }
    public Tensor div_(Tensor other) { E.BinaryInPlace(Handle, other.Handle, BinaryOp.Div); return this; }
    public Tensor div_(double value) { E.ScalarInPlace(Handle, value, BinaryOp.Div); return this; }
    public Tensor pow_(double exponent) { E.ScalarInPlace(Handle, exponent, BinaryOp.Pow); return this; }
    public Tensor maximum_(Tensor other) { E.BinaryInPlace(Handle, other.Handle, BinaryOp.Maximum); return this; }
    public Tensor copy_(Tensor source) { E.BinaryInPlace(Handle, source.Handle, BinaryOp.Copy); return this; }
    public Tensor fill_(double value) { E.ScalarInPlace(Handle, value, BinaryOp.Fill); return this; }
    public Tensor zero_() { E.UnaryInPlace(Handle, InPlaceUnaryOp.Zero); return this; }
    public Tensor neg_() { E.UnaryInPlace(Handle, InPlaceUnaryOp.Neg); return this; }
    public Tensor sqrt_() { E.UnaryInPlace(Handle, InPlaceUnaryOp.Sqrt); return this; }
    public Tensor abs_() { E.UnaryInPlace(Handle, InPlaceUnaryOp.Abs); return this; }
    public Tensor sign_() { E.UnaryInPlace(Handle, InPlaceUnaryOp.Sign); return this; }
    public Tensor clamp_(double min, double max) { E.ClampInPlace(Handle, min, max); return this; }
    public Tensor clamp_min_(double min) { E.ScalarInPlace(Handle, min, BinaryOp.ClampMin); return this; }
    public Tensor clamp_max_(double max) { E.ScalarInPlace(Handle, max, BinaryOp.ClampMax); return this; }
    public Tensor masked_fill_(Tensor mask, double value) { E.MaskedFillInPlace(Handle, mask.Handle, value); return this; }
    public Tensor addcmul_(Tensor tensor1, Tensor tensor2, double value = 1) { E.AddcmulInPlace(Handle, tensor1.Handle, tensor2.Handle, value); return this; }
    public Tensor addcdiv_(Tensor tensor1, Tensor tensor2, double value = 1) { E.AddcdivInPlace(Handle, tensor1.Handle, tensor2.Handle, value); return this; }
    public Tensor lerp_(Tensor end, double weight) { E.LerpInPlace(Handle, end.Handle, weight); return this; }

    public Tensor normal_(double mean = 0, double std = 1) { E.NormalInPlace(Handle, mean, std); return this; }
    public Tensor uniform_(double low = 0, double high = 1) { E.UniformInPlace(Handle, low, high); return this; }

    /// <summary>Normal samples redrawn until within two standard deviations of the mean (TensorFlow's truncated_normal).</summary>
    public Tensor truncated_normal_(double mean = 0, double std = 1) { E.TruncatedNormalInPlace(Handle, mean, std); return this; }

    /// <summary>A (semi-)orthogonal matrix times gain, drawn as Keras's Orthogonal initializer does.</summary>
    public Tensor orthogonal_(double gain = 1) { E.OrthogonalInPlace(Handle, gain); return this; }

    /// <summary>Moves this tensor to another device in place: the same object now refers to the moved data.</summary>
    public Tensor move_(Device target) { E.MoveToDevice(Handle, target); return this; }
}
