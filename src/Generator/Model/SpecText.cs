namespace DeepDsl.Generator.Model;

/// <summary>A YAML file's path and text, as the pipeline carries it (equatable, unlike AdditionalText).</summary>
internal sealed record SpecText(string Path, string Text, bool IsExperiment);
