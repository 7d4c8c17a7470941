using DeepDsl.Data;
using DeepDsl.Experiments;
using DeepDsl.Torch;

namespace DeepDsl.Runtime.Tests.Data;

/// <summary>
/// A validation set read from its own files (data.validation_dir, data.validation_file, data.x_validation/y_validation)
/// through the dataset's own reader: the training data stays whole, and a validation set that does not match it is one line.
/// </summary>
public sealed class SeparateValidationSetTests : IDisposable
{
    private readonly string folder = TestImages.TempFolder();

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static DatasetSplits Load(DatasetSource source, int validation = 0) =>
        DatasetLoader.Load(new DataSettings(source, Validation: validation), Device.CPU);

    /// <summary>The training folder: a black 2×2 cat and a white 2×2 dog.</summary>
    private void WriteCatsAndDogs()
    {
        TestImages.Solid(Path.Combine(folder, "train", "cat", "1.png"), 2, 2, 0, 0, 0);
        TestImages.Solid(Path.Combine(folder, "train", "dog", "1.png"), 2, 2, 255, 255, 255);
    }

    private DatasetSplits LoadFolders() =>
        Load(new ImageFolderSource(Path.Combine(folder, "train"), null, null, 3, Path.Combine(folder, "validation")));

    [Fact]
    public void A_validation_file_is_the_validation_set_and_the_training_file_stays_whole()
    {
        var train = Write("train.csv", "a,label,b\n1,0,2\n3,1,4\n5,2,6\n");
        var validation = Write("validation.csv", "a,label,b\n7,2,8\n");
        using var scope = torch.NewDisposeScope();
        using var data = Load(new CsvSource(train, null, "label", ["b", "a"], 3, validation));

        Assert.Equal(3, data.TrainCount);
        Assert.Equal([8f, 7], data.ValidationX!.reshape(-1).ToArray<float>());
        Assert.Equal([2L], data.ValidationY!.ToArray<long>());
    }

    [Fact]
    public void A_validation_file_whose_header_differs_is_an_error_at_the_first_column_that_differs()
    {
        var train = Write("train.csv", "a,label,b\n1,0,2\n");
        var validation = Write("validation.csv", "a,label,c\n7,2,8\n");
        var error = Assert.Throws<DataException>(() => Load(new CsvSource(train, null, "label", null, 3, validation)));
        Assert.StartsWith(validation + ":1:9:", error.Message);
        Assert.Contains("a, label, c but the training file (data.train) has a, label, b", error.Message);
    }

    [Fact]
    public void A_validation_file_with_a_column_too_few_is_an_error_at_its_last_column()
    {
        var train = Write("train.csv", "a,label,b\n1,0,2\n");
        var validation = Write("validation.csv", "a,label\n7,2\n");
        var error = Assert.Throws<DataException>(() => Load(new CsvSource(train, null, "label", null, 3, validation)));
        Assert.StartsWith(validation + ":1:3:", error.Message);
    }

    [Fact]
    public void A_validation_folder_is_the_validation_set_with_the_training_class_ids()
    {
        WriteCatsAndDogs();
        TestImages.Solid(Path.Combine(folder, "validation", "dog", "1.png"), 2, 2, 255, 255, 255);
        TestImages.Solid(Path.Combine(folder, "validation", "cat", "1.png"), 2, 2, 0, 0, 0);
        TestImages.Solid(Path.Combine(folder, "validation", "cat", "2.png"), 2, 2, 0, 0, 0);
        using var scope = torch.NewDisposeScope();
        using var data = LoadFolders();

        Assert.Equal(2, data.TrainCount);
        Assert.Equal([0L, 1, 0], data.ValidationY!.ToArray<long>()); // classes take turns: cat, dog, cat
        Assert.Equal([0f, 1, 0], data.ValidationX!.mean([1L, 2, 3]).ToArray<float>());
    }

    [Fact]
    public void A_validation_folder_without_a_training_class_is_an_error_naming_the_class()
    {
        WriteCatsAndDogs();
        TestImages.Solid(Path.Combine(folder, "validation", "cat", "1.png"), 2, 2, 0, 0, 0);
        var error = Assert.Throws<DataException>(() => LoadFolders());
        Assert.Equal($"{Path.Combine(folder, "validation")} has no class folder dog (data.validation_dir): it needs every class of the training data (data.train), cat, dog.", error.Message);
    }

    [Fact]
    public void A_validation_folder_with_a_class_the_training_data_lacks_is_an_error_naming_it()
    {
        WriteCatsAndDogs();
        TestImages.Solid(Path.Combine(folder, "validation", "cat", "1.png"), 2, 2, 0, 0, 0);
        TestImages.Solid(Path.Combine(folder, "validation", "dog", "1.png"), 2, 2, 0, 0, 0);
        TestImages.Solid(Path.Combine(folder, "validation", "fox", "1.png"), 2, 2, 0, 0, 0);
        var error = Assert.Throws<DataException>(() => LoadFolders());
        Assert.StartsWith(Path.Combine(folder, "validation", "fox") + " is a class the training data (data.train) does not have", error.Message);
    }

    [Fact]
    public void Validation_images_of_another_size_are_an_error_that_says_how_to_give_them_one()
    {
        WriteCatsAndDogs();
        TestImages.Solid(Path.Combine(folder, "validation", "cat", "1.png"), 3, 2, 0, 0, 0);
        TestImages.Solid(Path.Combine(folder, "validation", "dog", "1.png"), 3, 2, 0, 0, 0);
        var error = Assert.Throws<DataException>(() => LoadFolders());
        Assert.Equal($"{Path.Combine(folder, "validation")} (data.validation_dir) holds examples [3, 2, 3] but the training examples are [3, 2, 2]: " +
                     "give them one shape (image_folder: set data.image_size).", error.Message);
    }

    [Fact]
    public void A_validation_split_beside_a_validation_set_of_its_own_is_refused()
    {
        var train = Write("train.csv", "a,label\n1,0\n3,1\n");
        var validation = Write("validation.csv", "a,label\n7,2\n");
        var error = Assert.Throws<DataException>(() => Load(new CsvSource(train, null, "label", null, 3, validation), validation: 1));
        Assert.Equal($"data.validation is 1 and {validation} (data.validation_file) is a validation set of its own: keep one.", error.Message);
    }

    /// <summary>Three training examples of two features (classes 0, 1, 2) and one test example, as .npy files.</summary>
    private NpySource Npy(string? validationX, string? validationY) => new(3,
        TestNpy.Floats(Path.Combine(folder, "x_train.npy"), "(3, 2)", 1, 2, 3, 4, 5, 6), TestNpy.Longs(Path.Combine(folder, "y_train.npy"), 0, 1, 2),
        TestNpy.Floats(Path.Combine(folder, "x_test.npy"), "(1, 2)", 9, 9), TestNpy.Longs(Path.Combine(folder, "y_test.npy"), 1),
        validationX, validationY);

    private string ValidationLabels(params long[] labels) => TestNpy.Longs(Path.Combine(folder, "y_validation.npy"), labels);

    [Fact]
    public void An_npy_validation_pair_is_the_validation_set_and_the_training_arrays_stay_whole()
    {
        var x = TestNpy.Floats(Path.Combine(folder, "x_validation.npy"), "(2, 2)", 7, 8, 10, 11);
        using var scope = torch.NewDisposeScope();
        using var data = Load(Npy(x, ValidationLabels(2, 0)));

        Assert.Equal(3, data.TrainCount);
        Assert.Equal([7f, 8, 10, 11], data.ValidationX!.reshape(-1).ToArray<float>());
        Assert.Equal([2L, 0], data.ValidationY!.ToArray<long>());
    }

    [Fact]
    public void Half_an_npy_validation_pair_is_refused()
    {
        var x = TestNpy.Floats(Path.Combine(folder, "x_validation.npy"), "(1, 2)", 7, 8);
        var error = Assert.Throws<DataException>(() => Load(Npy(x, null)));
        Assert.Equal("data.x_validation and data.y_validation go together: give both files of the validation set, or neither.", error.Message);
        Assert.Throws<DataException>(() => Load(Npy(null, ValidationLabels(2))));
    }

    [Fact]
    public void Npy_validation_features_of_another_shape_are_an_error_naming_the_file_and_its_key()
    {
        var x = TestNpy.Floats(Path.Combine(folder, "x_validation.npy"), "(1, 3)", 7, 8, 9);
        var error = Assert.Throws<DataException>(() => Load(Npy(x, ValidationLabels(2))));
        Assert.StartsWith($"{x} (data.x_validation) holds examples [3] but the training examples are [2]: give them one shape", error.Message);
    }

    [Fact]
    public void Npy_validation_features_of_another_type_are_an_error_naming_the_file_and_its_key()
    {
        var x = TestNpy.Write(Path.Combine(folder, "x_validation.npy"), "|u1", "(1, 2)", [7, 8]);
        var error = Assert.Throws<DataException>(() => Load(Npy(x, ValidationLabels(2))));
        Assert.StartsWith($"{x} (data.x_validation) holds Byte features but the training features are Float32: give them one type", error.Message);
    }
}
