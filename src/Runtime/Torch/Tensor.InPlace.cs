using DeepDsl.Torch.Native;

namespace DeepDsl.Torch;

// In-place updates (trailing underscore, as in PyTorch); each returns this tensor.
public sealed partial class Tensor
{
    private Tensor Done(int status)
    {
        LibTorch.Check(status);
        return this;
    }

    public Tensor add_(Tensor other) => Done(LibTorch.dd_binary_(Handle, other.Handle, BinaryOp.Add));
    public Tensor add_(Tensor other, double alpha) => Done(LibTorch.dd_add_scaled_(Handle, other.Handle, alpha));
    public Tensor add_(double value) => Done(LibTorch.dd_scalar_(Handle, value, BinaryOp.Add));
    public Tensor sub_(Tensor other) => Done(LibTorch.dd_binary_(Handle, other.Handle, BinaryOp.Sub));
    public Tensor sub_(double value) => Done(LibTorch.dd_scalar_(Handle, value, BinaryOp.Sub));
    public Tensor mul_(Tensor other) => Done(LibTorch.dd_binary_(Handle, other.Handle, BinaryOp.Mul));
    public Tensor mul_(double value) => Done(LibTorch.dd_scalar_(Handle, value, BinaryOp.Mul));
    public Tensor div_(Tensor other) => Done(LibTorch.dd_binary_(Handle, other.Handle, BinaryOp.Div));
    public Tensor div_(double value) => Done(LibTorch.dd_scalar_(Handle, value, BinaryOp.Div));
    public Tensor pow_(double exponent) => Done(LibTorch.dd_scalar_(Handle, exponent, BinaryOp.Pow));
    public Tensor maximum_(Tensor other) => Done(LibTorch.dd_binary_(Handle, other.Handle, BinaryOp.Maximum));
    public Tensor copy_(Tensor source) => Done(LibTorch.dd_binary_(Handle, source.Handle, BinaryOp.Copy));
    public Tensor fill_(double value) => Done(LibTorch.dd_scalar_(Handle, value, BinaryOp.Fill));
    public Tensor zero_() => Done(LibTorch.dd_unary_(Handle, InPlaceUnaryOp.Zero));
    public Tensor neg_() => Done(LibTorch.dd_unary_(Handle, InPlaceUnaryOp.Neg));
    public Tensor sqrt_() => Done(LibTorch.dd_unary_(Handle, InPlaceUnaryOp.Sqrt));
    public Tensor abs_() => Done(LibTorch.dd_unary_(Handle, InPlaceUnaryOp.Abs));
    public Tensor sign_() => Done(LibTorch.dd_unary_(Handle, InPlaceUnaryOp.Sign));
    public Tensor clamp_(double min, double max) => Done(LibTorch.dd_clamp_(Handle, min, max));
    public Tensor clamp_min_(double min) => Done(LibTorch.dd_scalar_(Handle, min, BinaryOp.ClampMin));
    public Tensor clamp_max_(double max) => Done(LibTorch.dd_scalar_(Handle, max, BinaryOp.ClampMax));
    public Tensor masked_fill_(Tensor mask, double value) => Done(LibTorch.dd_masked_fill_(Handle, mask.Handle, value));
    public Tensor addcmul_(Tensor tensor1, Tensor tensor2, double value = 1) => Done(LibTorch.dd_addcmul_(Handle, tensor1.Handle, tensor2.Handle, value));
    public Tensor addcdiv_(Tensor tensor1, Tensor tensor2, double value = 1) => Done(LibTorch.dd_addcdiv_(Handle, tensor1.Handle, tensor2.Handle, value));
    public Tensor lerp_(Tensor end, double weight) => Done(LibTorch.dd_lerp_(Handle, end.Handle, weight));

    public Tensor normal_(double mean = 0, double std = 1) => Done(LibTorch.dd_normal_(Handle, mean, std));
    public Tensor uniform_(double low = 0, double high = 1) => Done(LibTorch.dd_uniform_(Handle, low, high));

    /// <summary>Normal samples redrawn until within two standard deviations of the mean (TensorFlow's truncated_normal).</summary>
    public Tensor truncated_normal_(double mean = 0, double std = 1) => Done(LibTorch.dd_truncated_normal_(Handle, mean, std));

    /// <summary>A (semi-)orthogonal matrix times gain, drawn as Keras's Orthogonal initializer does.</summary>
    public Tensor orthogonal_(double gain = 1) => Done(LibTorch.dd_orthogonal_(Handle, gain));

    /// <summary>Moves this tensor to another device in place: the same object now refers to the moved data.</summary>
    public Tensor move_(Device target) => Done(LibTorch.dd_move_to_device(Handle, (int)target.Type, target.Index));
}
