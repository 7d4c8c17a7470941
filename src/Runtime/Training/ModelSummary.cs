using System.Globalization;
using System.Text;
using DeepDsl.Nn;
using DeepDsl.Torch;

namespace DeepDsl.Training;

/// <summary>A Keras-style model summary: each layer's name, type, output shape and parameter count, and the totals.</summary>
public sealed record ModelSummary(IReadOnlyList<ModelSummary.Row> Rows, long TotalParameters)
{
    public sealed record Row(string Name, string Type, long[] OutputShape, long Parameters);

    /// <summary>
    /// The model's own rows when it has them (<see cref="ISummarizedModel"/>: the generated ones); otherwise one example run
    /// through its children in order, which is right for plain sequences.
    /// </summary>
    public static ModelSummary Of(Module model, long[] inputShape, Device device)
    {
        if (model is ISummarizedModel summarized) return new ModelSummary(summarized.SummaryRows, model.parameter_count());
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        var wasTraining = model.training;
        model.eval();
        var rows = new List<Row>();
        var x = torch.zeros([1, .. inputShape], device: device);
        foreach (var (name, layer) in model.named_children())
        {
            x = layer.forward(x);
            rows.Add(new Row(name, layer.GetType().Name, x.shape[1..], layer.parameter_count()));
        }
        model.train(wasTraining);
        return new ModelSummary(rows, model.parameter_count());
    }

    public string Render()
    {
        string Shape(long[] s) => "(None, " + string.Join(", ", s) + ")";
        var nameWidth = Math.Max(12, Rows.Select(r => r.Name.Length + r.Type.Length + 3).DefaultIfEmpty(0).Max());
        var shapeWidth = Math.Max(14, Rows.Select(r => Shape(r.OutputShape).Length).DefaultIfEmpty(0).Max());
        var text = new StringBuilder();
        var rule = new string('─', nameWidth + shapeWidth + 16);
        text.AppendLine(rule);
        text.AppendLine($"{"Layer (type)".PadRight(nameWidth)}  {"Output Shape".PadRight(shapeWidth)}  {"Param #",12}");
        text.AppendLine(rule);
        foreach (var row in Rows)
            text.AppendLine($"{$"{row.Name} ({row.Type})".PadRight(nameWidth)}  {Shape(row.OutputShape).PadRight(shapeWidth)}  {row.Parameters.ToString("N0", CultureInfo.InvariantCulture),12}");
        text.AppendLine(rule);
        text.AppendLine($"Total params: {TotalParameters.ToString("N0", CultureInfo.InvariantCulture)}");
        return text.ToString();
    }
}
