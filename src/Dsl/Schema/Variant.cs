namespace DeepDsl.Dsl.Schema;

/// <summary>A kind of a variant: its settings, whether the bare name is allowed, its shorthand field, or the kind it is another name for.</summary>
public sealed record Variant(string Name, ObjectShape Body, string Doc, bool AllowBare = true, string? Shorthand = null, string? AliasOf = null, bool Inline = false);
