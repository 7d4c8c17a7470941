using System.Text.Json;
using SkiaSharp;

namespace DeepDsl.Cli.Tests;

/// <summary>`deepdsl run` on a user's own data: a tiny folder of PNGs with augmentation, and a tiny CSV file; bad data is one line, exit 1.</summary>
public sealed class OwnDataCliTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("deepdsl-own-data-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private const string ImageSpec = """
        name: pets
        data:
          dataset: image_folder
          train: pets/train
          test: pets/test
          validation: 2
          augment: { random_crop: { padding: 2 }, horizontal_flip: true, normalize: computed }
        model:
          input: [3, 8, 8]
          layers:
            - flatten
            - dense: { units: 2, activation: softmax }
        training:
          loss: sparse_categorical_crossentropy
          optimizer: sgd
          batch_size: 4
          epochs: 1
        """;

    private void WriteImages()
    {
        var random = new Random(3);
        foreach (var (split, count) in new[] { ("train", 6), ("test", 2) })
            foreach (var (name, red) in new[] { ("cats", true), ("dogs", false) })
                for (var i = 0; i < count; i++)
                {
                    using var bitmap = new SKBitmap(new SKImageInfo(8, 8, SKColorType.Rgba8888, SKAlphaType.Unpremul));
                    for (var y = 0; y < 8; y++)
                        for (var x = 0; x < 8; x++)
                        {
                            var shade = (byte)random.Next(100, 256);
                            bitmap.SetPixel(x, y, red ? new SKColor(shade, 20, 20) : new SKColor(20, 20, shade));
                        }
                    var path = Path.Combine(folder, "pets", split, name, $"{i}.png");
                    Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                    using var png = bitmap.Encode(SKEncodedImageFormat.Png, 100);
                    File.WriteAllBytes(path, png.ToArray());
                }
    }

    [Fact]
    public void A_folder_of_pngs_with_augmentation_trains_and_records_its_computed_statistics()
    {
        WriteImages();
        File.WriteAllText(Path.Combine(folder, "pets.yaml"), ImageSpec);
        var result = DeepDslProcess.Run(folder, "run", "pets.yaml", "--runs", "runs");
        Assert.True(result.Exit == 0, result.ToString());

        var summary = JsonDocument.Parse(File.ReadAllText(Directory.GetFiles(Path.Combine(folder, "runs"), "summary.json", SearchOption.AllDirectories).Single()));
        var normalization = summary.RootElement.GetProperty("normalization");
        Assert.True(normalization.GetProperty("computed").GetBoolean());
        Assert.Equal(3, normalization.GetProperty("mean").GetArrayLength());
        Assert.True(summary.RootElement.GetProperty("test").GetProperty("accuracy").GetDouble() >= 0);
    }

    [Fact]
    public void A_csv_file_trains()
    {
        var rows = Enumerable.Range(0, 30).Select(i => $"{i % 3 * 2.5 + i * 0.01},{i % 3 - 1.0},{(i % 3 == 0 ? "\"a, quoted\"" : "plain")},{i % 3}");
        File.WriteAllText(Path.Combine(folder, "table.csv"), "x,y,note,kind\n" + string.Join("\n", rows) + "\n");
        File.WriteAllText(Path.Combine(folder, "table.yaml"), """
            name: table
            data: { dataset: csv, train: table.csv, test: table.csv, label: kind, features: [x, y], classes: 3, validation: 6 }
            model:
              input: [2]
              layers:
                - dense: { units: 3, activation: softmax }
            training: { loss: sparse_categorical_crossentropy, optimizer: sgd, epochs: 1 }
            """);
        var result = DeepDslProcess.Run(folder, "run", "table.yaml", "--runs", "runs");
        Assert.True(result.Exit == 0, result.ToString());
    }

    [Fact]
    public void A_malformed_csv_cell_is_one_line_at_its_file_line_and_column()
    {
        File.WriteAllText(Path.Combine(folder, "bad.csv"), "x,kind\n1,0\n2,0\nabc,1\n");
        File.WriteAllText(Path.Combine(folder, "bad.yaml"), """
            name: bad
            data: { dataset: csv, train: bad.csv, label: kind, classes: 2 }
            model:
              input: [1]
              layers:
                - dense: { units: 2, activation: softmax }
            training: { loss: sparse_categorical_crossentropy, optimizer: sgd, epochs: 1 }
            """);
        DeepDslProcess.AssertUserError(DeepDslProcess.Run(folder, "run", "bad.yaml", "--runs", "runs"), "bad.csv:4:1: column 'x' holds 'abc', not a finite number");
    }

    [Fact]
    public void Images_of_another_size_than_model_input_are_one_line_naming_both_shapes()
    {
        WriteImages();
        File.WriteAllText(Path.Combine(folder, "pets.yaml"), ImageSpec.Replace("input: [3, 8, 8]", "input: [3, 4, 4]"));
        DeepDslProcess.AssertUserError(DeepDslProcess.Run(folder, "run", "pets.yaml", "--runs", "runs"), "the data's examples are [3, 8, 8] but model.input is [3, 4, 4]");
    }
}
