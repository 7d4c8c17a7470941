using System.Collections.Generic;
using DeepDsl.Dsl.Diagnostics;

namespace DeepDsl.Dsl.Binding;

/// <summary>A list of bound values.</summary>
public sealed record BList(IReadOnlyList<BValue> Items, string Path, SourceLocation Location, bool IsDefault) : BValue(Path, Location, IsDefault);
