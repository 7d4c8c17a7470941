using DeepDsl.Data;
using DeepDsl.Experiments;
using DeepDsl.Torch;
using SkiaSharp;

namespace DeepDsl.Runtime.Tests.Data;

/// <summary>data.dataset: image_folder read back from PNG and JPEG files the test writes, and its malformed inputs, each one line naming the file.</summary>
public sealed class ImageFolderTests : IDisposable
{
    private readonly string root = TestImages.TempFolder();

    public void Dispose() => Directory.Delete(root, recursive: true);

    private DatasetSplits Load(string train, string? test = null, long[]? imageSize = null, int channels = 3, TextWriter? log = null) =>
        DatasetLoader.Load(new DataSettings(new ImageFolderSource(train, test, imageSize, channels)), Device.CPU, log);

    [Fact]
    public void Pngs_are_read_channels_first_with_class_ids_in_folder_name_order()
    {
        // 2×1 images: a red and a green pixel, then a blue and a white one.
        TestImages.Write(Path.Combine(root, "train", "dog", "a.png"), 2, 1, [255, 0, 0, 0, 255, 0]);
        TestImages.Write(Path.Combine(root, "train", "cat", "b.png"), 2, 1, [0, 0, 255, 255, 255, 255]);
        using var scope = torch.NewDisposeScope();
        using var data = Load(Path.Combine(root, "train"));

        Assert.Equal([3L, 1, 2], data.InputShape);
        Assert.Equal(2, data.Classes);
        Assert.Equal([0L, 1], data.TrainY.ToArray<long>()); // cat = 0, dog = 1: ordinal order of the folder names
        Assert.Equal([0f, 1, 0, 1, 1, 1], data.TrainX.select(0, 0).reshape(-1).ToArray<float>()); // cat: R plane, G plane, B plane
        Assert.Equal([1f, 0, 0, 1, 0, 0], data.TrainX.select(0, 1).reshape(-1).ToArray<float>()); // dog
        Assert.False(data.HasTest);
        Assert.Equal(0, data.TestY.size(0));
    }

    [Fact]
    public void A_jpeg_and_a_test_folder_are_read_and_the_test_classes_take_the_training_ids()
    {
        TestImages.Solid(Path.Combine(root, "train", "a", "1.jpg"), 4, 4, 200, 100, 50, SKEncodedImageFormat.Jpeg);
        TestImages.Solid(Path.Combine(root, "train", "b", "1.png"), 4, 4, 10, 20, 30);
        TestImages.Solid(Path.Combine(root, "test", "b", "1.jpeg"), 4, 4, 10, 20, 30, SKEncodedImageFormat.Jpeg);
        using var scope = torch.NewDisposeScope();
        using var data = Load(Path.Combine(root, "train"), Path.Combine(root, "test"), channels: 3);

        var jpeg = data.TrainX.select(0, 0).mean([1L, 2]).mul(255).ToArray<float>();
        Assert.All(jpeg.Zip([200f, 100, 50]), p => Assert.InRange(p.First, p.Second - 4, p.Second + 4));
        Assert.True(data.HasTest);
        Assert.Equal([1L], data.TestY.ToArray<long>());
    }

    [Fact]
    public void One_channel_is_the_luma_of_the_colour_and_image_size_resizes()
    {
        TestImages.Solid(Path.Combine(root, "train", "a", "1.png"), 6, 4, 100, 200, 50);
        TestImages.Solid(Path.Combine(root, "train", "b", "1.png"), 3, 3, 0, 0, 0);
        using var scope = torch.NewDisposeScope();
        using var data = Load(Path.Combine(root, "train"), imageSize: [2, 2], channels: 1);

        Assert.Equal([1L, 2, 2], data.InputShape);
        var gray = (100 * 299 + 200 * 587 + 50 * 114) / 1000; // PIL's "L"
        Assert.All(data.TrainX.select(0, 0).reshape(-1).mul(255).ToArray<float>(), v => Assert.InRange(v, gray - 1, gray + 1));
    }

    [Fact]
    public void Images_of_another_size_without_image_size_are_an_error_naming_the_first_that_differs()
    {
        TestImages.Solid(Path.Combine(root, "train", "a", "1.png"), 4, 4, 1, 2, 3);
        var odd = TestImages.Solid(Path.Combine(root, "train", "b", "1.png"), 5, 4, 1, 2, 3);
        var error = Assert.Throws<DataException>(() => Load(Path.Combine(root, "train")));
        Assert.Contains(odd, error.Message);
        Assert.Contains("5×4", error.Message);
        Assert.Contains("image_size", error.Message);
    }

    [Fact]
    public void A_truncated_png_is_an_error_naming_it()
    {
        TestImages.Solid(Path.Combine(root, "train", "a", "1.png"), 8, 8, 1, 2, 3);
        var damaged = TestImages.Write(Path.Combine(root, "train", "b", "1.png"), 8, 8,
            [.. Enumerable.Range(0, 192).Select(i => (byte)(i * 37))]);
        var bytes = File.ReadAllBytes(damaged);
        File.WriteAllBytes(damaged, bytes[..(bytes.Length * 2 / 3)]);

        var error = Assert.Throws<DataException>(() => Load(Path.Combine(root, "train")));
        Assert.Contains(damaged, error.Message);
        Assert.DoesNotContain("\n", error.Message);
    }

    [Fact]
    public void A_file_that_only_has_an_image_name_is_an_error_naming_it()
    {
        TestImages.Solid(Path.Combine(root, "train", "a", "1.png"), 2, 2, 1, 2, 3);
        Directory.CreateDirectory(Path.Combine(root, "train", "b"));
        var fake = Path.Combine(root, "train", "b", "1.png");
        File.WriteAllText(fake, "not an image at all");
        var error = Assert.Throws<DataException>(() => Load(Path.Combine(root, "train")));
        Assert.Contains(fake, error.Message);
    }

    [Fact]
    public void An_empty_class_folder_is_an_error_naming_it()
    {
        TestImages.Solid(Path.Combine(root, "train", "a", "1.png"), 2, 2, 1, 2, 3);
        var empty = Directory.CreateDirectory(Path.Combine(root, "train", "b")).FullName;
        File.WriteAllText(Path.Combine(empty, "notes.txt"), "no images here");
        var error = Assert.Throws<DataException>(() => Load(Path.Combine(root, "train")));
        Assert.Contains(empty, error.Message);
        Assert.Contains("empty class folder", error.Message);
    }

    [Fact]
    public void A_folder_without_class_folders_is_an_error()
    {
        TestImages.Solid(Path.Combine(root, "train", "1.png"), 2, 2, 1, 2, 3);
        var error = Assert.Throws<DataException>(() => Load(Path.Combine(root, "train")));
        Assert.Contains("no class folders", error.Message);
    }

    [Fact]
    public void Files_that_are_not_images_are_skipped_and_counted_in_the_log()
    {
        TestImages.Solid(Path.Combine(root, "train", "a", "1.png"), 2, 2, 1, 2, 3);
        TestImages.Solid(Path.Combine(root, "train", "b", "1.png"), 2, 2, 1, 2, 3);
        File.WriteAllText(Path.Combine(root, "train", "b", "README.txt"), "about b");
        File.WriteAllText(Path.Combine(root, "train", "a", ".DS_Store"), "hidden");
        var log = new StringWriter();
        using var scope = torch.NewDisposeScope();
        using var data = Load(Path.Combine(root, "train"), log: log);
        Assert.Equal(2, data.TrainCount);
        Assert.Contains("skipped 1 entry", log.ToString());
        Assert.Contains("README.txt", log.ToString());
    }

    [Fact]
    public void A_test_class_the_training_data_lacks_is_an_error()
    {
        TestImages.Solid(Path.Combine(root, "train", "a", "1.png"), 2, 2, 1, 2, 3);
        TestImages.Solid(Path.Combine(root, "train", "b", "1.png"), 2, 2, 1, 2, 3);
        TestImages.Solid(Path.Combine(root, "test", "c", "1.png"), 2, 2, 1, 2, 3);
        var error = Assert.Throws<DataException>(() => Load(Path.Combine(root, "train"), Path.Combine(root, "test")));
        Assert.Contains(Path.Combine(root, "test", "c"), error.Message);
    }

    [Fact]
    public void Classes_take_turns_so_the_first_examples_the_validation_split_takes_hold_every_class()
    {
        for (var i = 0; i < 3; i++) TestImages.Solid(Path.Combine(root, "train", "a", $"{i}.png"), 2, 2, 1, 2, 3);
        TestImages.Solid(Path.Combine(root, "train", "b", "0.png"), 2, 2, 1, 2, 3);
        for (var i = 0; i < 2; i++) TestImages.Solid(Path.Combine(root, "train", "c", $"{i}.png"), 2, 2, 1, 2, 3);
        using var scope = torch.NewDisposeScope();
        using var data = Load(Path.Combine(root, "train"));
        Assert.Equal([0L, 1, 2, 0, 2, 0], data.TrainY.ToArray<long>());
    }

    [Fact]
    public void A_train_path_that_is_not_a_folder_is_an_error()
    {
        var error = Assert.Throws<DataException>(() => Load(Path.Combine(root, "nowhere")));
        Assert.Contains("does not exist", error.Message);
    }
}
