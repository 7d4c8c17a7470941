namespace DeepDsl.Engines;

// Op codes of the shim's op families; the numbers are the case labels in src/Runtime/native/tensor_math.cpp; the TorchSharp engine maps them onto its tensor methods.

internal enum UnaryOp
{
    Neg = 0, Abs = 1, Sign = 2, Sqrt = 3, Rsqrt = 4, Exp = 5, Log = 6, Square = 7, Relu = 8, Selu = 9,
    Gelu = 10, Silu = 11, Tanh = 12, Sigmoid = 13, LogicalNot = 14, Floor = 15, Round = 16, IsFinite = 17, IsNan = 18,
}

internal enum BinaryOp
{
    Add = 0, Sub = 1, Mul = 2, Div = 3, MatMul = 4, Pow = 5, Maximum = 6, Minimum = 7,
    Eq = 8, Ne = 9, Gt = 10, Lt = 11, Ge = 12, Le = 13, LogicalAnd = 14, LogicalOr = 15, RSub = 16,
    Copy = 20, Fill = 21, ClampMin = 22, ClampMax = 23,
}

internal enum InPlaceUnaryOp { Zero = 0, Neg = 1, Sqrt = 2, Abs = 3, Exp = 4, Relu = 5, Sign = 6 }

internal enum ReductionOp { Sum = 0, Mean = 1, Max = 2, Min = 3, Prod = 4, Norm = 5, Any = 6, All = 7 }
