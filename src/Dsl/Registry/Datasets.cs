using System.Collections.Generic;
using System.Linq;
using DeepDsl.Dsl.Schema;

namespace DeepDsl.Dsl.Registry;

/// <summary>
/// Every dataset of the language, declared once. The data section's keys are made from these declarations
/// (<see cref="Fields"/>): each argument is a key that applies only to the datasets declaring it.
/// </summary>
public static class Datasets
{
    private const string Exp = "DeepDsl.Experiments.";

    /// <summary>The largest image side image_size may ask for: a 4096 × 4096 RGB image is 48 MB as bytes, 192 MB as floats.</summary>
    public const int MaxImageSide = 4096;

    private static readonly IntShape PositiveInt = new(Min: 1, Max: int.MaxValue);

    // An argument several datasets take is one object, so the key has one type and one meaning in the data section.
    private static readonly Argument Classes = new(new Field("classes", new IntShape(Min: 2, Max: int.MaxValue),
        "Number of classes (npy, synthetic, csv; cifar10 has 10, image_folder one per class folder).", Required: true), "Classes");

    private static readonly Argument Train = new(new Field("train", new PathShape(),
        "image_folder: folder with one subfolder of images per class; csv: CSV file with a header row.", Required: true), "Train");

    private static readonly Argument Test = new(new Field("test", new PathShape(),
        "Test set, laid out as train (optional: without it no test score is computed).", Nullable: true), "Test");

    private static Argument Path(string key, string doc, string runtimeName) => new(new Field(key, new PathShape(), doc, Required: true), runtimeName);

    // A validation set of its own files, instead of data.validation's first training examples (DDSL020: not both).
    private static Argument ValidationPath(string key, string doc, string runtimeName) => new(new Field(key, new PathShape(), doc, Nullable: true), runtimeName) { NamesValidationSet = true };

    public static readonly Registry<DatasetDeclaration> Registry = new("dataset", [
        new("cifar10", "CIFAR-10: 60,000 32×32 colour images in 10 classes (50,000 for training), its binary version.", Exp + "Cifar10Source",
            [new(new Field("path", new PathShape(), "Folder (or archive) holding the data; else $DEEPDSL_DATA, then ~/.deepdsl/datasets.", Nullable: true), "Path")])
            { Classes = 10, Layout = ExampleLayout.Fixed, FixedShape = [3, 32, 32] },
        new("npy", "NumPy .npy arrays: features (float32, float64 or uint8 pixels) and integer labels 0…classes − 1.", Exp + "NpySource", [
            Classes,
            Path("x_train", "npy: training features.", "TrainX"),
            Path("y_train", "npy: training labels.", "TrainY"),
            Path("x_test", "npy: test features.", "TestX"),
            Path("y_test", "npy: test labels.", "TestY"),
            ValidationPath("x_validation", "npy: validation features (with y_validation), instead of data.validation.", "ValidationX"),
            ValidationPath("y_validation", "npy: validation labels (with x_validation).", "ValidationY")]),
        new("synthetic", "Seeded Gaussian clusters, one per class, shaped as model.input: needs no files (tests, demos).", Exp + "SyntheticSource", [
            Classes,
            new(new Field("samples", PositiveInt, "synthetic: training examples.", Default: 1000L), "Samples"),
            new(new Field("noise", new NumberShape(Min: 0, MinExclusive: true), "synthetic: spread of each class cluster.", Default: 1.0), "Noise")])
            { Context = [DatasetContext.InputShape, DatasetContext.Seed] },
        new("image_folder", "PNG and JPEG images, one subfolder per class; class ids follow the subfolders' names in ordinal order.", Exp + "ImageFolderSource", [
            Train, Test,
            new(new Field("image_size", new ListShape(new IntShape(Min: 1, Max: MaxImageSide), MinItems: 2, MaxItems: 2),
                "image_folder: [height, width] every image is resized to; without it all images must have one size.", Nullable: true), "ImageSize"),
            new(new Field("channels", new IntShape(Values: [1, 3]), "image_folder: 1 (grayscale) or 3 (RGB).", Default: 3L), "Channels"),
            ValidationPath("validation_dir", "image_folder: validation set, laid out as train with exactly its classes, instead of data.validation.", "Validation")])
            { Layout = ExampleLayout.Images },
        new("csv", "A CSV file (RFC 4180, header row): numeric feature columns and a label column of class ids 0…classes − 1.", Exp + "CsvSource", [
            Train, Test,
            new(new Field("label", new StringShape(), "csv: the column holding the class ids.", Required: true), "Label"),
            new(new Field("features", new ListShape(new StringShape(), MinItems: 1), "csv: the feature columns, in this order (default: every column but the label, in file order).", Nullable: true), "Features"),
            Classes,
            ValidationPath("validation_file", "csv: validation set with the train file's header, instead of data.validation.", "Validation")])
            { Layout = ExampleLayout.Features },
    ]);

    public static DatasetDeclaration Get(string name, string asker) => Registry.Get(name, asker);

    /// <summary>
    /// The data section's keys made from the declarations: one per argument key, in order of first declaration, that
    /// applies to the datasets declaring it and is required for those that require it.
    /// </summary>
    public static IReadOnlyList<Field> Fields()
    {
        var fields = new List<Field>();
        foreach (var group in Registry.All.SelectMany(d => d.Arguments.Select(a => (Dataset: d.Name, a.Field))).GroupBy(p => p.Field.Key))
        {
            var field = group.First().Field;
            if (group.Any(p => p.Field != field))
                throw new System.InvalidOperationException($"internal error: datasets declare data.{group.Key} differently; declare it once and share it");
            var takers = group.Select(p => p.Dataset).ToList();
            fields.Add(field with
            {
                Required = false,
                Nullable = field.Nullable || field.Required,
                AppliesTo = takers,
                RequiredFor = field.Required ? takers : null,
            });
        }
        return fields;
    }
}
