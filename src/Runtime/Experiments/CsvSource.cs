using DeepDsl.Data;

namespace DeepDsl.Experiments;

/// <summary>
/// A CSV file with a header row: the <paramref name="Features"/> columns as numbers (null: every column but the label, in
/// file order) and the <paramref name="Label"/> column as class ids 0…<paramref name="Classes"/> − 1.
/// <paramref name="Test"/> has the same columns (null: no test set); <paramref name="Validation"/>, the validation set
/// instead of the first examples of the training file, has the training file's header (null: none).
/// </summary>
public sealed record CsvSource(string Train, string? Test, string Label, string[]? Features, int Classes, string? Validation = null) : DatasetSource
{
    public override SeparateValidationSet? SeparateValidation => Validation is null ? null : new("data.validation_file", Validation);

    internal override DataArrays Read(DataSettings settings, TextWriter log)
    {
        var train = CsvDataset.Read(Train, Label, Features, Classes);
        var test = Test is null ? null : CsvDataset.Read(Test, Label, train.Features, Classes);
        var validation = Validation is null ? null : CsvDataset.Read(Validation, Label, train.Features, Classes, train.Header);
        return new DataArrays(train.X, train.Y, test?.X ?? DataArrays.Empty(train.X), test?.Y ?? DataArrays.NoLabels(),
            Classes, train.X.shape[1..], IsPixels: false) { HasTest = test is not null, ValidationX = validation?.X, ValidationY = validation?.Y };
    }
}
