using DeepDsl.Dsl.Model;

namespace DeepDsl.Dsl.Shapes;

/// <summary>The first layer that cannot take the shape it gets, and why.</summary>
public sealed record ShapeError(LayerSpec Layer, string Message);
