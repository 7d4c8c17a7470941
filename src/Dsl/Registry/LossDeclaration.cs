namespace DeepDsl.Dsl.Registry;

/// <summary>
/// A loss: <paramref name="RuntimeName"/> is its member of the runtime's LossKind, and <paramref name="Target"/> the
/// output it needs, which the output rule checks.
/// </summary>
public sealed record LossDeclaration(string Name, string Doc, string RuntimeName, LossTarget Target) : Declaration(Name, Doc, []);
