namespace DeepDsl.Dsl.Model;

/// <summary>data.augment: random crop with zero padding (null: off), horizontal flips, and per-channel normalization (null: off).</summary>
public sealed record AugmentSpec(long? CropPadding, bool HorizontalFlip, NormalizationSpec? Normalize)
{
    /// <summary>Whether training batches are changed at random (normalization alone is applied once, when the data is loaded).</summary>
    public bool IsRandom => CropPadding is not null || HorizontalFlip;
}
