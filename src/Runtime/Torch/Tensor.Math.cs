using DeepDsl.Engines;

namespace DeepDsl.Torch;

// Element-wise math, comparisons, matrix products and reductions.
public sealed partial class Tensor
{
    private Tensor Unary(UnaryOp op) => new(E.Unary(Handle, op));
    private Tensor Binary(Tensor other, BinaryOp op) => new(E.Binary(Handle, other.Handle, op));
    private Tensor Scalar(double value, BinaryOp op) => new(E.BinaryScalar(Handle, value, op));

    public Tensor add(Tensor other) => Binary(other, BinaryOp.Add);
    public Tensor add(Tensor other, double alpha) => new(E.AddScaled(Handle, other.Handle, alpha));
    public Tensor add(double value) => Scalar(value, BinaryOp.Add);
    public Tensor sub(Tensor other) => Binary(other, BinaryOp.Sub);
    public Tensor sub(double value) => Scalar(value, BinaryOp.Sub);
    public Tensor mul(Tensor other) => Binary(other, BinaryOp.Mul);
    public Tensor mul(double value) => Scalar(value, BinaryOp.Mul);
    public Tensor div(Tensor other) => Binary(other, BinaryOp.Div);
    public Tensor div(double value) => Scalar(value, BinaryOp.Div);
    public Tensor matmul(Tensor other) => Binary(other, BinaryOp.MatMul);
    public Tensor pow(Tensor exponent) => Binary(exponent, BinaryOp.Pow);
    public Tensor pow(double exponent) => Scalar(exponent, BinaryOp.Pow);
    public Tensor maximum(Tensor other) => Binary(other, BinaryOp.Maximum);
    public Tensor minimum(Tensor other) => Binary(other, BinaryOp.Minimum);

    public Tensor neg() => Unary(UnaryOp.Neg);
    public Tensor abs() => Unary(UnaryOp.Abs);
    public Tensor sign() => Unary(UnaryOp.Sign);
    public Tensor sqrt() => Unary(UnaryOp.Sqrt);
    public Tensor rsqrt() => Unary(UnaryOp.Rsqrt);
    public Tensor exp() => Unary(UnaryOp.Exp);
    public Tensor log() => Unary(UnaryOp.Log);
    public Tensor square() => Unary(UnaryOp.Square);
    public Tensor floor() => Unary(UnaryOp.Floor);
    public Tensor round() => Unary(UnaryOp.Round);
    public Tensor isfinite() => Unary(UnaryOp.IsFinite);
    public Tensor isnan() => Unary(UnaryOp.IsNan);
    public Tensor logical_not() => Unary(UnaryOp.LogicalNot);
    public Tensor logical_and(Tensor other) => Binary(other, BinaryOp.LogicalAnd);
    public Tensor logical_or(Tensor other) => Binary(other, BinaryOp.LogicalOr);

    internal Tensor relu() => Unary(UnaryOp.Relu);
    internal Tensor selu() => Unary(UnaryOp.Selu);
    internal Tensor gelu() => Unary(UnaryOp.Gelu);
    internal Tensor silu() => Unary(UnaryOp.Silu);
    public Tensor tanh() => Unary(UnaryOp.Tanh);
    public Tensor sigmoid() => Unary(UnaryOp.Sigmoid);

    public Tensor clamp(double? min = null, double? max = null) =>
        new(E.Clamp(Handle, min, max));

    public Tensor masked_fill(Tensor mask, double value) => new(E.MaskedFill(Handle, mask.Handle, value));

    public Tensor eq(Tensor other) => Binary(other, BinaryOp.Eq);
    public Tensor eq(double value) => Scalar(value, BinaryOp.Eq);
    public Tensor ne(Tensor other) => Binary(other, BinaryOp.Ne);
    public Tensor ne(double value) => Scalar(value, BinaryOp.Ne);
    public Tensor gt(Tensor other) => Binary(other, BinaryOp.Gt);
    public Tensor gt(double value) => Scalar(value, BinaryOp.Gt);
    public Tensor lt(Tensor other) => Binary(other, BinaryOp.Lt);
    public Tensor lt(double value) => Scalar(value, BinaryOp.Lt);
    public Tensor ge(Tensor other) => Binary(other, BinaryOp.Ge);
    public Tensor ge(double value) => Scalar(value, BinaryOp.Ge);
    public Tensor le(Tensor other) => Binary(other, BinaryOp.Le);
    public Tensor le(double value) => Scalar(value, BinaryOp.Le);

    public Tensor sum() => new(E.ReduceAll(Handle, ReductionOp.Sum));
    public Tensor sum(long dim, bool keepdim = false) => ReduceDims([dim], keepdim, ReductionOp.Sum);
    public Tensor sum(long[] dims, bool keepdim = false) => ReduceDims(dims, keepdim, ReductionOp.Sum);
    public Tensor mean() => new(E.ReduceAll(Handle, ReductionOp.Mean));
    public Tensor mean(long dim, bool keepdim = false) => ReduceDims([dim], keepdim, ReductionOp.Mean);
    public Tensor mean(long[] dims, bool keepdim = false) => ReduceDims(dims, keepdim, ReductionOp.Mean);
    public Tensor prod() => new(E.ReduceAll(Handle, ReductionOp.Prod));
    public Tensor any() => new(E.ReduceAll(Handle, ReductionOp.Any));
    public Tensor all() => new(E.ReduceAll(Handle, ReductionOp.All));

    /// <summary>The L2 norm of all elements, or along dims.</summary>
    public Tensor norm() => new(E.ReduceAll(Handle, ReductionOp.Norm));
    public Tensor norm(long[] dims, bool keepdim = false) => ReduceDims(dims, keepdim, ReductionOp.Norm);

    public Tensor max() => new(E.ReduceAll(Handle, ReductionOp.Max));
    public Tensor min() => new(E.ReduceAll(Handle, ReductionOp.Min));
    public (Tensor values, Tensor indexes) max(long dim, bool keepdim = false) => MinMax(dim, keepdim, isMin: false);
    public (Tensor values, Tensor indexes) min(long dim, bool keepdim = false) => MinMax(dim, keepdim, isMin: true);
    public Tensor argmax() => new(E.ArgMax(Handle, null, keepdim: false));
    public Tensor argmax(long dim, bool keepdim = false) => new(E.ArgMax(Handle, dim, keepdim));

    public Tensor std(bool unbiased = true) => StdVar([], unbiased, false, isVar: false);
    public Tensor std(long dim, bool unbiased = true, bool keepdim = false) => StdVar([dim], unbiased, keepdim, isVar: false);
    public Tensor std(long[] dims, bool unbiased = true, bool keepdim = false) => StdVar(dims, unbiased, keepdim, isVar: false);
    public Tensor var(bool unbiased = true) => StdVar([], unbiased, false, isVar: true);
    public Tensor var(long dim, bool unbiased = true, bool keepdim = false) => StdVar([dim], unbiased, keepdim, isVar: true);
    public Tensor var(long[] dims, bool unbiased = true, bool keepdim = false) => StdVar(dims, unbiased, keepdim, isVar: true);

    private Tensor ReduceDims(long[] dims, bool keepdim, ReductionOp op) => new(E.ReduceDims(Handle, dims, keepdim, op));

    private Tensor StdVar(long[] dims, bool unbiased, bool keepdim, bool isVar) => new(E.StdVar(Handle, dims, unbiased, keepdim, isVar));

    private (Tensor, Tensor) MinMax(long dim, bool keepdim, bool isMin)
    {
        var (values, indexes) = E.MinMax(Handle, dim, keepdim, isMin);
        return (new(values), new(indexes));
    }
}
