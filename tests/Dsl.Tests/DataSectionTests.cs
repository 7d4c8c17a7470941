using DeepDsl.Dsl.Diagnostics;
using DeepDsl.Dsl.Model;
using DeepDsl.Dsl.Registry;
using DeepDsl.Dsl.Schema;
using static DeepDsl.Dsl.Tests.Specs;

namespace DeepDsl.Dsl.Tests;

/// <summary>
/// The data section made from the dataset declarations: image_folder and csv with their keys, data.augment, and what the
/// language refuses at its line and column (a key of another dataset, a wrong channel count, crops of vectors,
/// statistics for the wrong number of channels, an input that is not the data's example shape).
/// </summary>
public sealed class DataSectionTests
{
    private const string Images = """
        name: images
        data:
          dataset: image_folder
          train: pets/train
          test: pets/test
          image_size: [8, 8]
          augment:
            random_crop: { padding: 2 }
            horizontal_flip: true
            normalize: { given: { mean: [0.5, 0.4, 0.3], std: [0.2, 0.2, 0.2] } }
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

    private const string Table = """
        name: table
        data: { dataset: csv, train: iris.csv, label: species, features: [a, b, c, d], classes: 3, augment: { normalize: computed } }
        model:
          input: [4]
          layers:
            - dense: { units: 3, activation: softmax }
        training:
          loss: sparse_categorical_crossentropy
          optimizer: sgd
          epochs: 1
        """;

    [Fact]
    public void An_image_folder_with_augmentation_is_accepted_with_its_settings()
    {
        var compilation = Compile(Images);
        Assert.Empty(compilation.Diagnostics);
        var data = compilation.Spec!.Data;
        Assert.Equal("image_folder", data.Dataset);
        Assert.Equal("pets/train", data.Find("train"));
        Assert.Equal(new EquatableArray<double>([8, 8]), data.Find("image_size"));
        Assert.Equal(3L, data.Find("channels"));
        Assert.Equal(0, data.Classes);
        Assert.Equal(new AugmentSpec(2, true, new NormalizationSpec(false, new([0.5, 0.4, 0.3]), new([0.2, 0.2, 0.2]))), data.Augment);
    }

    [Fact]
    public void A_csv_dataset_with_computed_normalization_is_accepted_and_its_features_are_names()
    {
        var compilation = Compile(Table);
        Assert.Empty(compilation.Diagnostics);
        var data = compilation.Spec!.Data;
        Assert.Equal(new EquatableArray<string>(["a", "b", "c", "d"]), data.Find("features"));
        Assert.Equal(3, data.Classes);
        Assert.Equal(new AugmentSpec(null, false, new NormalizationSpec(true, new([]), new([]))), data.Augment);
    }

    [Fact]
    public void A_spec_without_augment_writes_none_so_older_specs_keep_their_hash()
    {
        var canonical = Compile(Valid).Spec!.CanonicalYaml;
        Assert.DoesNotContain("augment", canonical);
        Assert.DoesNotContain("channels", canonical);
        Assert.Contains("data:\n  dataset: cifar10\n  validation: 1000\n", canonical);
    }

    public static TheoryData<string, string, string, string, string> Refused => new()
    {
        // change from → to, the id, where (the text at the error), what the message says
        { "image_size: [8, 8]", "image_size: [8, 8]\n  channels: 2", "DDSL006", "2", "one of 1, 3" },
        { "image_size: [8, 8]", "image_size: [8, 8, 3]", "DDSL006", "[8, 8, 3]", "at most 2 item(s)" },
        { "image_size: [8, 8]", "image_size: [8, 8]\n  x_train: x.npy", "DDSL015", "x_train", "applies only when dataset is npy" },
        { "train: pets/train", "train: null", "DDSL004", "dataset: image_folder", "needs 'train' when dataset is image_folder" },
        { "padding: 2", "padding: 0", "DDSL006", "0 }", "an integer from 1 to 4096" },
        { "horizontal_flip: true", "horizontal_flip: true\n    rotate: 15", "DDSL002", "rotate", "unknown key" },
        { "{ given: { mean: [0.5, 0.4, 0.3], std: [0.2, 0.2, 0.2] } }", "standard", "DDSL002", "standard", "unknown normalization" },
        { "std: [0.2, 0.2, 0.2]", "std: [0.2, 0, 0.2]", "DDSL006", "0, 0.2]", "> 0" },
        { "input: [3, 8, 8]", "input: [8, 8, 3]", "DDSL013", "[8, 8, 3]", "image_folder examples are [3, 8, 8]: images are channels first" },
        { "mean: [0.5, 0.4, 0.3]", "mean: [0.5]", "DDSL013", "[0.5]", "has 1 value(s) but the examples have 3 channel(s) (their first axis)" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void A_bad_data_setting_is_one_error_at_its_line_and_column(string from, string to, string id, string at, string message)
    {
        var spec = Images.Replace(from, to);
        Assert.NotEqual(Images, spec);
        var error = Single(Compile(spec), id);
        AssertAt(error, DiagnosticSeverity.Error, Find(spec, at, fromLine: 2));
        Assert.Contains(message, error.Message);
    }

    public static TheoryData<string, string, string, string> RefusedTable => new()
    {
        { "augment: { normalize: computed }", "augment: { random_crop: { padding: 1 }, normalize: computed }", "{ padding: 1 }", "needs images, [channels, height, width], but model.input is [4]" },
        { "input: [4]", "input: [5]", "[5]", "csv examples are [4]" },
    };

    [Theory]
    [MemberData(nameof(RefusedTable))]
    public void What_a_table_cannot_take_is_refused_at_the_setting(string from, string to, string at, string message)
    {
        var spec = Table.Replace(from, to);
        var error = Single(Compile(spec), "DDSL013");
        AssertAt(error, DiagnosticSeverity.Error, Find(spec, at));
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void The_data_keys_are_the_declared_arguments_each_applying_to_the_datasets_that_declare_it()
    {
        var keys = LanguageSchema.Data.Fields.Select(f => f.Key).ToList();
        foreach (var dataset in Datasets.Registry.All)
            foreach (var argument in dataset.Arguments)
            {
                var field = LanguageSchema.Data.Find(argument.Key)!;
                Assert.Contains(dataset.Name, field.AppliesTo!);
                Assert.Equal(argument.Field.Required, field.RequiredFor?.Contains(dataset.Name) ?? false);
            }
        Assert.Equal(["dataset", "path", "validation", "scale", "standardize", "train_samples", "test_samples", "classes", "x_train", "y_train", "x_test", "y_test", "x_validation", "y_validation", "samples", "noise"],
            keys.Take(16));
        Assert.Equal([.. Datasets.Registry.Names], ((StringShape)LanguageSchema.Data.Find("dataset")!.Shape).Values!);
    }
}
