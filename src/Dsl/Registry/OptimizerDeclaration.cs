using System.Collections.Generic;

namespace DeepDsl.Dsl.Registry;

/// <summary>
/// An optimizer: its arguments (the learning rate and gradient clipping every optimizer has, then its own) and
/// <paramref name="RuntimeType"/>, the options record the generated experiment constructs — each argument with a runtime
/// name is that record's parameter, and the record's default for it must equal the declared one (a test holds them together).
/// </summary>
public sealed record OptimizerDeclaration(string Name, string Doc, string RuntimeType, IReadOnlyList<Argument> Arguments) : Declaration(Name, Doc, Arguments);
