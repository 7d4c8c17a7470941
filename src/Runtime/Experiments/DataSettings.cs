namespace DeepDsl.Experiments;

/// <summary>
/// How the data is split and preprocessed: the first <paramref name="Validation"/> training examples
/// are the validation set (as in the book); <paramref name="TrainSamples"/> and <paramref name="TestSamples"/>
/// limit the rest (small slices); <paramref name="Scale"/> maps 0–255 pixels to [0, 1];
/// <paramref name="Standardize"/> subtracts the per-feature mean and divides by the standard deviation,
/// both fitted on the training split only; <paramref name="Augment"/> changes training batches at random and normalizes
/// every split per channel.
/// </summary>
public sealed record DataSettings(
    DatasetSource Source,
    int Validation = 0,
    bool Scale = true,
    bool Standardize = false,
    int? TrainSamples = null,
    int? TestSamples = null,
    AugmentSettings? Augment = null);
