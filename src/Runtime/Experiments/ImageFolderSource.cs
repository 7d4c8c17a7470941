using DeepDsl.Data;

namespace DeepDsl.Experiments;

/// <summary>
/// PNG and JPEG images in one subfolder per class (class ids in ordinal order of the subfolders' names), as
/// [channels, height, width] bytes; every image is resized to <paramref name="ImageSize"/> ([height, width]) when it is
/// given, else all must have one size. <paramref name="Test"/> is laid out alike (null: no test set);
/// <paramref name="Validation"/>, the validation set instead of the first training examples, has exactly the training
/// folder's classes (null: none).
/// </summary>
public sealed record ImageFolderSource(string Train, string? Test, long[]? ImageSize, int Channels = 3, string? Validation = null) : DatasetSource
{
    public override SeparateValidationSet? SeparateValidation => Validation is null ? null : new("data.validation_dir", Validation);

    internal override DataArrays Read(DataSettings settings, TextWriter log)
    {
        var reader = new ImageFolder(Channels, ImageSize, log);
        var train = reader.Read(Train, "data.train", classNames: null);
        var test = Test is null ? null : reader.Read(Test, "data.test", train.ClassNames);
        var validation = SeparateValidation is { } set ? reader.Read(set.Path, set.Key, train.ClassNames, everyClass: true) : null;
        return new DataArrays(train.Images, train.Labels, test?.Images ?? DataArrays.Empty(train.Images), test?.Labels ?? DataArrays.NoLabels(),
            train.ClassNames.Count, train.Images.shape[1..], IsPixels: true) { HasTest = test is not null, ValidationX = validation?.Images, ValidationY = validation?.Labels };
    }
}
