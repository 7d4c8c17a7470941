using DeepDsl.Data;
using DeepDsl.Experiments;
using DeepDsl.Torch;

namespace DeepDsl.Runtime.Tests.Data;

/// <summary>data.dataset: csv read back from files the test writes, and each malformed input as one line at its file, line and column.</summary>
public sealed class CsvDatasetTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("deepdsl-csv-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static DatasetSplits Load(string train, string? test = null, string label = "label", string[]? features = null, int classes = 3) =>
        DatasetLoader.Load(new DataSettings(new CsvSource(train, test, label, features, classes)), Device.CPU);

    [Fact]
    public void Rows_become_features_in_the_order_asked_and_labels()
    {
        var train = Write("train.csv", "x,name,label,y\r\n1.5,\"Smith, \"\"J\"\"\",2,-3\r\n\r\n0,plain,0,4e2\r\n");
        var test = Write("test.csv", "label,y,x,name\n1,7,8,z\n");
        using var scope = torch.NewDisposeScope();
        using var data = Load(train, test, features: ["y", "x"]);

        Assert.Equal([2L], data.InputShape);
        Assert.Equal([-3f, 1.5f, 400, 0], data.TrainX.reshape(-1).ToArray<float>());
        Assert.Equal([2L, 0], data.TrainY.ToArray<long>());
        Assert.Equal([7f, 8], data.TestX.reshape(-1).ToArray<float>());
        Assert.Equal([1L], data.TestY.ToArray<long>());
    }

    [Fact]
    public void Without_features_every_column_but_the_label_is_one_in_file_order()
    {
        var train = Write("train.csv", "a,label,b\n1,0,2\n3,1,4\n");
        using var scope = torch.NewDisposeScope();
        using var data = Load(train, classes: 2);
        Assert.Equal([1f, 2, 3, 4], data.TrainX.reshape(-1).ToArray<float>());
        Assert.False(data.HasTest);
    }

    public static TheoryData<string, string, string> Malformed => new()
    {
        { "a,b,label\n1,2,0\n3,4\n", "train.csv:3:3:", "the row has 2 cells but the header has 3 columns" },
        { "a,b,label\n1,2,0\n3,4,1,9\n", "train.csv:3:7:", "the row has 4 cells" },
        { "a,b,label\n1,x2,0\n", "train.csv:2:3:", "column 'b' holds 'x2', not a finite number" },
        { "a,b,label\n1,,0\n", "train.csv:2:3:", "column 'b' is empty" },
        { "a,b,label\n1,nan,0\n", "train.csv:2:3:", "not a finite number" },
        { "a,b,label\n1,2,3\n", "train.csv:2:5:", "label 3 is out of range" },
        { "a,b,label\n1,2,cat\n", "train.csv:2:5:", "not a class id" },
        { "a,b,label\n1,\"2,0\n", "train.csv:2:3:", "a quoted cell is not closed" },
        { "a,b,label\n1,2\"x,0\n", "train.csv:2:4:", "a '\"' inside a cell" },
        { "a,b,lab\n1,2,0\n", "train.csv:1:1:", "the header has no column 'label' (data.label)" },
        { "a,a,label\n1,2,0\n", "train.csv:1:3:", "names column 'a' twice" },
        { "\n\n", "train.csv:1:1:", "the file is empty" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void A_malformed_file_is_one_line_at_its_file_line_and_column(string text, string where, string what)
    {
        var train = Write("train.csv", text);
        var error = Assert.Throws<DataException>(() => Load(train));
        Assert.StartsWith(Path.Combine(folder, where), error.Message);
        Assert.Contains(what, error.Message);
        Assert.DoesNotContain("\n", error.Message);
    }

    [Fact]
    public void A_feature_the_header_lacks_is_named()
    {
        var train = Write("train.csv", "a,label\n1,0\n");
        var error = Assert.Throws<DataException>(() => Load(train, features: ["a", "c"]));
        Assert.Contains("no column 'c' (data.features)", error.Message);
        Assert.Contains("its columns are a, label", error.Message);
    }
}
