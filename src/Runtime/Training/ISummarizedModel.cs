namespace DeepDsl.Training;

/// <summary>
/// A model that knows each layer's output shape and parameters without running an example through it: the generated models,
/// whose shapes the language inferred (residual blocks make them more than a sequence of children to call in order).
/// </summary>
public interface ISummarizedModel
{
    IReadOnlyList<ModelSummary.Row> SummaryRows { get; }
}
