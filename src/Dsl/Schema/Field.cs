using System.Collections.Generic;

namespace DeepDsl.Dsl.Schema;

/// <summary>
/// One key of an object: its shape, whether it is required, its default, an accepted alias, and its
/// documentation. In an object with a <see cref="ObjectShape.Selector"/>, <paramref name="AppliesTo"/>
/// lists the selector values the key means something for (elsewhere writing it is an error, never
/// silently ignored) and <paramref name="RequiredFor"/> those that need it.
/// </summary>
public sealed record Field(string Key, Shape Shape, string Doc, bool Required = false, object? Default = null, bool Nullable = false, string? Alias = null,
    IReadOnlyList<string>? AppliesTo = null, IReadOnlyList<string>? RequiredFor = null);
