using DeepDsl.Torch;
using TS = global::TorchSharp.torch;

namespace DeepDsl.Engines.TorchSharp;

// Arithmetic, comparisons and reductions: the shim's op codes mapped onto TorchSharp's tensor methods.
internal sealed partial class TorchSharpEngine
{
    public IEngineTensor Unary(IEngineTensor t, UnaryOp op) => New(() =>
    {
        var x = T(t);
        return op switch
        {
            UnaryOp.Neg => x.neg(),
            UnaryOp.Abs => x.abs(),
            UnaryOp.Sign => x.sign(),
            UnaryOp.Sqrt => x.sqrt(),
            UnaryOp.Rsqrt => x.rsqrt(),
            UnaryOp.Exp => x.exp(),
            UnaryOp.Log => x.log(),
            UnaryOp.Square => Square(x),
            UnaryOp.Relu => x.relu(),
            UnaryOp.Selu => x.selu(),
            UnaryOp.Gelu => x.gelu(),
            UnaryOp.Silu => x.silu(),
            UnaryOp.Tanh => x.tanh(),
            UnaryOp.Sigmoid => x.sigmoid(),
            UnaryOp.LogicalNot => x.logical_not(),
            UnaryOp.Floor => x.floor(),
            UnaryOp.Round => x.round(),
            UnaryOp.IsFinite => x.isfinite(),
            UnaryOp.IsNan => x.isnan(),
            _ => throw Unknown("unary", (int)op),
        };
    });

    public IEngineTensor Binary(IEngineTensor a, IEngineTensor b, BinaryOp op)
    {
        var (x, y) = (T(a), T(b));
        if (op == BinaryOp.MatMul) MatMulGuard.Check(x, y);
        return New(() => op switch
        {
            BinaryOp.Add => x.add(y, SharpScalars.One),
            BinaryOp.Sub => x.sub(y),
            BinaryOp.Mul => x.mul(y),
            BinaryOp.Div => x.div(y),
            BinaryOp.MatMul => x.matmul(y),
            BinaryOp.Pow => x.pow(y),
            BinaryOp.Maximum => x.maximum(y),
            BinaryOp.Minimum => x.minimum(y),
            BinaryOp.Eq => x.eq(y),
            BinaryOp.Ne => x.ne(y),
            BinaryOp.Gt => x.gt(y),
            BinaryOp.Lt => x.lt(y),
            BinaryOp.Ge => x.ge(y),
            BinaryOp.Le => x.le(y),
            BinaryOp.LogicalAnd => x.logical_and(y),
            BinaryOp.LogicalOr => x.logical_or(y),
            _ => throw Unknown("binary", (int)op),
        });
    }

    public IEngineTensor BinaryScalar(IEngineTensor a, double value, BinaryOp op) => New(() =>
    {
        var x = T(a);
        using var s = SharpConvert.Scalar(value);
        switch (op)
        {
            case BinaryOp.Add: return x.add(s, SharpScalars.One);
            case BinaryOp.Sub: return x.sub(s);
            case BinaryOp.Mul: return x.mul(s);
            case BinaryOp.Div: return x.div(s);
            case BinaryOp.Pow: return x.pow(s);
            case BinaryOp.Eq: return x.eq(s);
            case BinaryOp.Ne: return x.ne(s);
            case BinaryOp.Gt: return x.gt(s);
            case BinaryOp.Lt: return x.lt(s);
            case BinaryOp.Ge: return x.ge(s);
            case BinaryOp.Le: return x.le(s);
            case BinaryOp.RSub:
                // value − x: TorchSharp has no rsub; −x + value rounds the same (negation is exact).
                using (var negated = x.neg()) return negated.add(s, SharpScalars.One);
            default: throw Unknown("scalar", (int)op);
        }
    });

    public IEngineTensor AddScaled(IEngineTensor a, IEngineTensor b, double alpha) => New(() =>
    {
        using var s = SharpConvert.Scalar(alpha);
        return T(a).add(T(b), s);
    });

    public IEngineTensor Clamp(IEngineTensor t, double? min, double? max) => New(() =>
    {
        using var low = min is { } l ? SharpConvert.Scalar(l) : null;
        using var high = max is { } h ? SharpConvert.Scalar(h) : null;
        return T(t).clamp(low, high);
    });

    public IEngineTensor Where(IEngineTensor condition, IEngineTensor a, IEngineTensor b) => New(() => TS.where(T(condition), T(a), T(b)));

    public IEngineTensor MaskedFill(IEngineTensor t, IEngineTensor mask, double value) => New(() =>
    {
        using var s = SharpConvert.Scalar(value);
        return T(t).masked_fill(T(mask), s);
    });

    public IEngineTensor Linear(IEngineTensor x, IEngineTensor weight, IEngineTensor? bias) =>
        New(() => TS.nn.functional.linear(T(x), T(weight), Optional(bias)));

    public IEngineTensor Addmm(IEngineTensor c, IEngineTensor a, IEngineTensor b, double beta, double alpha) => New(() =>
    {
        // TorchSharp passes beta and alpha as floats; the product is libtorch's addmm only when they are floats exactly.
        if ((float)beta == beta && (float)alpha == alpha) return T(c).addmm(T(a), T(b), (float)beta, (float)alpha);
        using var product = T(a).mm(T(b));
        using var scaleProduct = SharpConvert.Scalar(alpha);
        using var scaleC = SharpConvert.Scalar(beta);
        using var scaledC = T(c).mul(scaleC);
        return scaledC.add(product, scaleProduct);
    });

    public IEngineTensor ReduceAll(IEngineTensor t, ReductionOp op) => New(() =>
    {
        var x = T(t);
        return op switch
        {
            ReductionOp.Sum => x.sum(),
            ReductionOp.Mean => x.mean(),
            ReductionOp.Max => x.max(),
            ReductionOp.Min => x.min(),
            ReductionOp.Prod => x.prod(),
            ReductionOp.Norm => x.norm(),
            ReductionOp.Any => x.any(),
            ReductionOp.All => x.all(),
            _ => throw Unknown("reduction", (int)op),
        };
    });

    public IEngineTensor ReduceDims(IEngineTensor t, ReadOnlySpan<long> dims, bool keepdim, ReductionOp op)
    {
        var over = dims.ToArray();
        return New(() =>
        {
            var x = T(t);
            return op switch
            {
                ReductionOp.Sum => x.sum(over, keepdim),
                ReductionOp.Mean => x.mean(over, keepdim),
                ReductionOp.Norm when over.Length == 1 => x.norm(checked((int)over[0]), keepdim),
                ReductionOp.Norm => TS.linalg.vector_norm(x, 2, over, keepdim),
                _ => throw Unknown("dimension reduction", (int)op),
            };
        });
    }

    public IEngineTensor StdVar(IEngineTensor t, ReadOnlySpan<long> dims, bool unbiased, bool keepdim, bool isVar)
    {
        var over = dims.ToArray();
        return New(() =>
        {
            var x = T(t);
            // No dimensions means all of them (libtorch reduces over all when none is named).
            var all = over.Length == 0 ? Enumerable.Range(0, (int)x.dim()).Select(d => (long)d).ToArray() : over;
            return isVar ? x.var(all, unbiased, keepdim) : x.std(all, unbiased, keepdim);
        });
    }

    public (IEngineTensor Values, IEngineTensor Indexes) MinMax(IEngineTensor t, long dim, bool keepdim, bool isMin)
    {
        var (values, indexes) = LibTorchErrors.Call(() => isMin ? T(t).min(dim, keepdim) : T(t).max(dim, keepdim));
        return (Wrap(values), Wrap(indexes));
    }

    public IEngineTensor ArgMax(IEngineTensor t, long? dim, bool keepdim) => New(() =>
    {
        var x = T(t);
        if (dim is { } d) return x.argmax(d, keepdim);
        if (!keepdim) return x.argmax();
        // Over all elements, keeping every dimension as size one (TorchSharp has no keepdim without a dimension).
        using var flat = x.argmax();
        return flat.reshape(Enumerable.Repeat(1L, (int)x.dim()).ToArray());
    });

    // TorchSharp's square() is pow(2) through an implicit Scalar that only the finalizer would free; libtorch's square is that pow.
    private static TS.Tensor Square(TS.Tensor x)
    {
        using var two = SharpConvert.Scalar(2.0);
        return x.pow(two);
    }

    private static TorchException Unknown(string family, int code) => new($"unknown {family} op code {code}");
}
