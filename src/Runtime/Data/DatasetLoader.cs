using DeepDsl.Experiments;
using DeepDsl.Torch;

namespace DeepDsl.Data;

/// <summary>
/// Loads an experiment's data once, as whole float32 tensors on the target device: splits off the
/// validation set (the first examples of the training data), limits the slices, scales pixels and
/// standardizes with statistics fitted on the training split only, normalizes per channel (data.augment.normalize), and
/// prepares the random augmentation of training batches (which the trainer applies).
/// </summary>
public static class DatasetLoader
{
    public static DatasetSplits Load(DataSettings settings, Device device, TextWriter? log = null)
    {
        log ??= TextWriter.Null;
        using var scope = torch.NewDisposeScope();
        var arrays = settings.Source.Read(settings, log);
        var (x, y, testX, testY, classes, inputShape, isPixels) = arrays;
        if (settings.Validation < 0 || settings.Validation >= x.size(0))
            throw new DataException($"data.validation is {settings.Validation} but the training data has {x.size(0)} examples: keep some for training.");
        if (arrays.ValidationX is { } given)
        {
            // Named by its file and key, as every data error is: the source that read the tensors says which they are.
            var set = settings.Source.SeparateValidation
                      ?? throw new InvalidOperationException($"internal error: {settings.Source.GetType().Name} read a validation set it does not name");
            // The language refuses both (DDSL020); a hand-written DataSettings could still ask for them.
            if (settings.Validation > 0)
                throw new DataException($"data.validation is {settings.Validation} and {set} is a validation set of its own: keep one.");
            if (given.dtype != x.dtype)
                throw new DataException($"{set} holds {given.dtype} features but the training features are {x.dtype}: give them one type (scaling depends on it).");
            if (!given.shape[1..].SequenceEqual(x.shape[1..]))
                throw new DataException($"{set} holds examples [{string.Join(", ", given.shape[1..])}] but the training examples are [{string.Join(", ", x.shape[1..])}]: " +
                                        "give them one shape (image_folder: set data.image_size).");
        }

        var validationX = arrays.ValidationX ?? (settings.Validation > 0 ? x.narrow(0, 0, settings.Validation) : null);
        var validationY = arrays.ValidationY ?? (settings.Validation > 0 ? y.narrow(0, 0, settings.Validation) : null);
        var rest = x.size(0) - settings.Validation;
        var trainCount = Math.Min(rest, settings.TrainSamples ?? rest);
        var trainX = x.narrow(0, settings.Validation, trainCount);
        var trainY = y.narrow(0, settings.Validation, trainCount);
        if (settings.TestSamples is { } limit && limit < testX.size(0))
        {
            testX = testX.narrow(0, 0, limit);
            testY = testY.narrow(0, 0, limit);
        }

        Tensor Prepare(Tensor t)
        {
            var f = t.to(ScalarType.Float32);
            return settings.Scale && isPixels ? f.div(255.0) : f;
        }
        var (trX, vaX, teX) = (Prepare(trainX), validationX is null ? null : Prepare(validationX), Prepare(testX));
        if (settings.Standardize)
        {
            // Per feature (pixel and channel), population statistics of the training split, as the book does with NumPy.
            var mean = trX.mean(0, keepdim: true);
            var std = trX.std(0, unbiased: false, keepdim: true).clamp(min: 1e-7);
            trX = (trX - mean) / std;
            vaX = vaX is null ? null : (vaX - mean) / std;
            teX = (teX - mean) / std;
        }
        ChannelNormalization? normalization = null;
        if (settings.Augment?.Normalize is { } normalize)
        {
            normalization = ChannelNormalization.For(normalize, trX);
            (trX, vaX, teX) = (normalization.Apply(trX), vaX is null ? null : normalization.Apply(vaX), normalization.Apply(teX));
        }

        Tensor Place(Tensor t) => t.contiguous().to(device).MoveToOuterDisposeScope();
        return new DatasetSplits(Place(trX), Place(trainY), vaX is null ? null : Place(vaX), validationY is null ? null : Place(validationY),
            Place(teX), Place(testY), classes, inputShape)
        {
            HasTest = arrays.HasTest,
            Normalization = normalization?.Statistics,
            Augmentation = settings.Augment is { IsRandom: true } augment
                ? new BatchAugmentation(augment.CropPadding ?? 0, augment.HorizontalFlip, inputShape, normalization?.ZeroAfter())
                : null,
        };
    }

}
