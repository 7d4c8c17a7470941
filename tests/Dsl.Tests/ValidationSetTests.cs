using DeepDsl.Dsl.Diagnostics;
using DeepDsl.Dsl.Registry;
using static DeepDsl.Dsl.Tests.Specs;

namespace DeepDsl.Dsl.Tests;

/// <summary>A validation set of its own files (validation_dir, validation_file, x_validation with y_validation) as the alternative to data.validation.</summary>
public sealed class ValidationSetTests
{
    private const string Table = """
        name: table
        data: { dataset: csv, train: iris.csv, validation_file: iris-validation.csv, label: species, classes: 3 }
        model:
          input: [4]
          layers:
            - dense: { units: 3, activation: softmax }
        training:
          loss: sparse_categorical_crossentropy
          optimizer: sgd
          epochs: 1
          early_stopping: { monitor: val_loss, patience: 2 }
        """;

    private const string Images = """
        name: images
        data: { dataset: image_folder, train: pets/train, validation_dir: pets/validation, image_size: [8, 8] }
        model:
          input: [3, 8, 8]
          layers:
            - flatten
            - dense: { units: 2, activation: softmax }
        training:
          loss: sparse_categorical_crossentropy
          optimizer: sgd
          epochs: 1
        """;

    private const string Arrays = """
        name: arrays
        data: { dataset: npy, classes: 3, x_train: x.npy, y_train: y.npy, x_test: xt.npy, y_test: yt.npy, x_validation: xv.npy, y_validation: yv.npy }
        model:
          input: [6]
          layers:
            - dense: { units: 3, activation: softmax }
        training:
          loss: sparse_categorical_crossentropy
          optimizer: sgd
          epochs: 1
        """;

    [Fact]
    public void A_validation_file_is_a_validation_set_that_val_metrics_can_watch()
    {
        var compilation = Compile(Table);
        Assert.Empty(compilation.Diagnostics);
        var data = compilation.Spec!.Data;
        Assert.Equal("iris-validation.csv", data.Find("validation_file"));
        Assert.Equal(0, data.Validation);
        Assert.True(data.HasValidation);
    }

    [Fact]
    public void A_validation_folder_and_a_pair_of_validation_arrays_are_accepted()
    {
        Assert.Empty(Compile(Images).Diagnostics);
        Assert.Equal("pets/validation", Compile(Images).Spec!.Data.Find("validation_dir"));
        Assert.Empty(Compile(Arrays).Diagnostics);
        Assert.Equal(["x_validation", "y_validation"], Compile(Arrays).Spec!.Data.ValidationSetKeys);
    }

    [Fact]
    public void A_validation_split_beside_a_validation_file_is_an_error_at_the_split_naming_both()
    {
        var spec = Table.Replace("validation_file: iris-validation.csv,", "validation_file: iris-validation.csv, validation: 20,");
        var d = Single(Compile(spec), "DDSL020");
        AssertAt(d, DiagnosticSeverity.Error, Find(spec, "20,"));
        Assert.Equal("data.validation takes the first 20 training examples as the validation set, but data.validation_file names a validation set of its own: " +
                     "keep one (remove data.validation, or data.validation_file)", d.Message);
    }

    [Fact]
    public void A_validation_split_beside_a_validation_folder_is_an_error()
    {
        var spec = Images.Replace("image_size: [8, 8] }", "image_size: [8, 8], validation: 5 }");
        Assert.Contains("data.validation_dir", Single(Compile(spec), "DDSL020").Message);
    }

    [Fact]
    public void Validation_features_without_validation_labels_are_an_error_at_the_features()
    {
        var spec = Arrays.Replace(", y_validation: yv.npy", "");
        var d = Single(Compile(spec), "DDSL020");
        AssertAt(d, DiagnosticSeverity.Error, Find(spec, "xv.npy"));
        Assert.Contains("data.x_validation needs data.y_validation", d.Message);
    }

    [Fact]
    public void A_validation_folder_for_a_csv_dataset_is_a_setting_that_does_not_apply()
    {
        var spec = Table.Replace("validation_file: iris-validation.csv", "validation_dir: iris");
        var d = Single(Compile(spec), "DDSL015");
        AssertAt(d, DiagnosticSeverity.Error, Find(spec, "validation_dir"));
    }

    [Fact]
    public void Without_any_validation_set_watching_val_loss_names_both_ways_to_get_one()
    {
        var spec = Table.Replace(" validation_file: iris-validation.csv,", "");
        var d = Single(Compile(spec), "DDSL501");
        Assert.Contains("val_ metrics need a validation set (data.validation > 0, or data.validation_file)", d.Message);
    }

    [Fact]
    public void A_datasets_validation_set_is_the_arguments_declared_as_naming_one()
    {
        Assert.Equal(["x_validation", "y_validation"], Datasets.Get("npy", "test").ValidationSet);
        Assert.Equal(["validation_dir"], Datasets.Get("image_folder", "test").ValidationSet);
        Assert.Equal(["validation_file"], Datasets.Get("csv", "test").ValidationSet);
        Assert.Empty(Datasets.Get("cifar10", "test").ValidationSet);
    }
}
