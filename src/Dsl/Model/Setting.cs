namespace DeepDsl.Dsl.Model;

/// <summary>One argument of a declared kind as the spec sets it (defaults filled in): a long, double, bool, string or null.</summary>
public sealed record Setting(string Key, object? Value);
