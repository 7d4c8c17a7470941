namespace DeepDsl.Generator.Model;

/// <summary>One row of the model summary the generated model carries: the layer, its kind, its output shape (C# list items) and parameters.</summary>
internal sealed record SummaryRowModel(string Name, string Kind, string OutputShape, long Parameters);
