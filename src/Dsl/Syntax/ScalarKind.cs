namespace DeepDsl.Dsl.Syntax;

/// <summary>The type a scalar resolves to under YAML 1.2's core schema; quoted scalars are always strings.</summary>
public enum ScalarKind { Null, Bool, Int, Float, String }
