using DeepDsl.Dsl.Diagnostics;

namespace DeepDsl.Dsl.Binding;

/// <summary>
/// A value checked against the schema, with defaults made explicit. Each knows its key path and
/// where it came from (for defaults: the mapping that lacked the key), in whichever file of the
/// extends chain that was.
/// </summary>
public abstract record BValue(string Path, SourceLocation Location, bool IsDefault);
