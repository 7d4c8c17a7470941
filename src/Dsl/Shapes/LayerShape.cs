using DeepDsl.Dsl.Model;

namespace DeepDsl.Dsl.Shapes;

/// <summary>
/// One layer's place in the network: the shape it gets, the shape it gives, its learned parameters, and for a residual
/// block the shape of the block's input (what its shortcut carries).
/// </summary>
public sealed record LayerShape(LayerSpec Layer, TensorShape Input, TensorShape Output, long Parameters, TensorShape? BlockInput = null);
