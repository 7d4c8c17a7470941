using DeepDsl.Dsl.Diagnostics;

namespace DeepDsl.Dsl.Binding;

/// <summary>A scalar: long, double, bool, string, or null.</summary>
public sealed record BScalar(object? Value, string Path, SourceLocation Location, bool IsDefault) : BValue(Path, Location, IsDefault);
