namespace DeepDsl.Distributed;

/// <summary>How an all-reduce combines the ranks' tensors; the values are c10d's RedOpType numbers.</summary>
public enum ReduceOp
{
    Sum = 0,
    Min = 3,
    Max = 4,
}
