namespace DeepDsl.Experiments;

/// <summary>
/// data.augment: training batches are cropped at random after <paramref name="CropPadding"/> zeros on every side (null:
/// no crop) and mirrored left to right with probability 0.5 (<paramref name="HorizontalFlip"/>); every split is normalized
/// per channel (<paramref name="Normalize"/>, null: not).
/// </summary>
public sealed record AugmentSettings(int? CropPadding = null, bool HorizontalFlip = false, Normalization? Normalize = null)
{
    public bool IsRandom => CropPadding is not null || HorizontalFlip;
}
