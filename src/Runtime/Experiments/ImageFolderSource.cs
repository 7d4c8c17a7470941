using DeepDsl.Data;

namespace DeepDsl.Experiments;

/// <summary>
/// PNG and JPEG images in one subfolder per class (class ids in ordinal order of the subfolders' names), as
/// [channels, height, width] bytes; every image is resized to <paramref name="ImageSize"/> ([height, width]) when it is
/// given, else all must have one size. <paramref name="Test"/> is laid out alike (null: no test set).
/// </summary>
public sealed record ImageFolderSource(string Train, string? Test, long[]? ImageSize, int Channels = 3) : DatasetSource
{
    internal override DataArrays Read(DataSettings settings, TextWriter log)
    {
        var reader = new ImageFolder(Channels, ImageSize, log);
        var train = reader.Read(Train, "data.train", classNames: null);
        var test = Test is null ? null : reader.Read(Test, "data.test", train.ClassNames);
        return new DataArrays(train.Images, train.Labels, test?.Images ?? DataArrays.Empty(train.Images), test?.Labels ?? DataArrays.NoLabels(),
            train.ClassNames.Count, train.Images.shape[1..], IsPixels: true) { HasTest = test is not null };
    }
}
