namespace DeepDsl.Torch;

// C# operators over tensors and scalars, as in TorchSharp.
public sealed partial class Tensor
{
    public static Tensor operator +(Tensor a, Tensor b) => a.add(b);
    public static Tensor operator +(Tensor a, double b) => a.add(b);
    public static Tensor operator +(double a, Tensor b) => b.add(a);
    public static Tensor operator -(Tensor a, Tensor b) => a.sub(b);
    public static Tensor operator -(Tensor a, double b) => a.sub(b);
    public static Tensor operator -(double a, Tensor b) => b.Scalar(a, Engines.BinaryOp.RSub);
    public static Tensor operator *(Tensor a, Tensor b) => a.mul(b);
    public static Tensor operator *(Tensor a, double b) => a.mul(b);
    public static Tensor operator *(double a, Tensor b) => b.mul(a);
    public static Tensor operator /(Tensor a, Tensor b) => a.div(b);
    public static Tensor operator /(Tensor a, double b) => a.div(b);
    public static Tensor operator /(double a, Tensor b) => b.reciprocal_times(a);
    public static Tensor operator -(Tensor a) => a.neg();

    private Tensor reciprocal_times(double a)
    {
        using var ones = torch.full(shape, a, dtype, device);
        return ones.div(this);
    }
}
