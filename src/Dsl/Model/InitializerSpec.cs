namespace DeepDsl.Dsl.Model;

/// <summary>An initializer by Keras name with its arguments (value; mean, stddev; minval, maxval; gain).</summary>
public sealed record InitializerSpec(string Kind, double? Value = null, double? Mean = null, double? Stddev = null, double? Minval = null, double? Maxval = null, double? Gain = null)
{
    /// <summary>True when every weight gets the same value: symmetry between units is never broken.</summary>
    public bool IsSameValue => Kind is "zeros" or "ones" or "constant" || Kind == "normal" && Stddev == 0 || Kind == "uniform" && Minval == Maxval;
}
