using DeepDsl.Experiments;
using DeepDsl.Torch;

namespace DeepDsl.Data;

/// <summary>
/// Loads an experiment's data once, as whole float32 tensors on the target device: splits off the
/// validation set (the first examples of the training data), limits the slices, scales pixels and
/// standardizes with statistics fitted on the training split only.
/// </summary>
public static class DatasetLoader
{
    public static DatasetSplits Load(DataSettings settings, Device device, TextWriter? log = null)
    {
        log ??= TextWriter.Null;
        using var scope = torch.NewDisposeScope();
        var (x, y, testX, testY, classes, inputShape, isPixels) = Read(settings, log);
        if (settings.Validation < 0 || settings.Validation >= x.size(0))
            throw new DataException($"data.validation is {settings.Validation} but the training data has {x.size(0)} examples: keep some for training.");

        var validationX = settings.Validation > 0 ? x.narrow(0, 0, settings.Validation) : null;
        var validationY = settings.Validation > 0 ? y.narrow(0, 0, settings.Validation) : null;
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

        Tensor Place(Tensor t) => t.contiguous().to(device).MoveToOuterDisposeScope();
        return new DatasetSplits(Place(trX), Place(trainY), vaX is null ? null : Place(vaX), validationY is null ? null : Place(validationY),
            Place(teX), Place(testY), classes, inputShape);
    }

    private static (Tensor X, Tensor Y, Tensor TestX, Tensor TestY, int Classes, long[] InputShape, bool IsPixels) Read(DataSettings settings, TextWriter log)
    {
        switch (settings.Source)
        {
            case Cifar10Source cifar:
            {
                var location = Cifar10Dataset.Locate(cifar.Path, log);
                int? needed = settings.TrainSamples is { } n ? settings.Validation + n : null;
                var (x, y) = Cifar10Dataset.ReadTraining(location, needed is { } k ? Math.Min(k, 50_000) : null);
                var (testX, testY) = Cifar10Dataset.ReadTest(location, settings.TestSamples);
                return (x, y, testX, testY, Cifar10Dataset.Classes, Cifar10Dataset.InputShape, true);
            }
            case NpySource npy:
            {
                var (x, y, testX, testY) = (NpyFile.Read(npy.TrainX), NpyFile.Read(npy.TrainY), NpyFile.Read(npy.TestX), NpyFile.Read(npy.TestY));
                CheckLabels(npy.TrainY, y, x, npy.Classes);
                CheckLabels(npy.TestY, testY, testX, npy.Classes);
                return (x, y.to(ScalarType.Int64), testX, testY.to(ScalarType.Int64), npy.Classes, x.shape[1..], x.dtype == ScalarType.Byte);
            }
            case SyntheticSource synthetic:
            {
                var (x, y, testX, testY) = SyntheticDataset.Generate(synthetic);
                return (x, y, testX, testY, synthetic.Classes, synthetic.InputShape, false);
            }
            default:
                throw new DataException($"unknown data source {settings.Source}");
        }
    }

    private static void CheckLabels(string file, Tensor labels, Tensor features, int classes)
    {
        if (labels.dim() != 1 || labels.size(0) != features.size(0))
            throw new DataException($"{file} holds labels of shape [{string.Join(", ", labels.shape)}]; expected one label per example: [{features.size(0)}].");
        if (labels.dtype is not (ScalarType.Int64 or ScalarType.Int32 or ScalarType.Byte))
            throw new DataException($"{file} holds {labels.dtype} labels; expected integers (uint8, int32 or int64).");
        using var wide = labels.to(ScalarType.Int64);
        if (wide.lt(0).any().item<long>() != 0 || wide.ge(classes).any().item<long>() != 0)
            throw new DataException($"{file} holds labels outside 0..{classes - 1} (the spec says {classes} classes).");
    }
}
