using DeepDsl.Dsl.Diagnostics;

namespace DeepDsl.Dsl.Binding;

/// <summary>One kind of a variant (a layer, an optimizer, …) with its settings.</summary>
public sealed record BVariant(string Kind, BObject Settings, string Path, SourceLocation Location, bool IsDefault) : BValue(Path, Location, IsDefault);
