namespace DeepDsl.Plots;

/// <summary>How an axis maps values and where it puts ticks.</summary>
public enum AxisKind
{
    /// <summary>Linear, ticks 1, 2 or 5 × a power of ten apart.</summary>
    Linear,

    /// <summary>Linear for whole-number data (epochs, seeds, units, layer counts): ticks on whole numbers only.</summary>
    Integer,

    /// <summary>log10 (learning rates): ticks on decades, or on 1, 2, 5 × each decade when the axis spans up to three and they fit.</summary>
    Log,
}
