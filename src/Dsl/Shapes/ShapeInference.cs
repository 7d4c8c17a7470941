using System;
using System.Collections.Generic;
using DeepDsl.Dsl.Model;

namespace DeepDsl.Dsl.Shapes;

/// <summary>
/// Follows one example's shape from the model's input through every layer, as the runtime will compute it, so a layer
/// that cannot take its input is an error at its YAML line before anything is built.
/// </summary>
public static class ShapeInference
{
    public static ModelShapes Infer(ModelSpec model)
    {
        var input = new TensorShape(model.Input);
        var shapes = new List<LayerShape>();
        var current = input;
        var total = 0L;
        foreach (var layer in model.Layers)
        {
            // A residual block joins its body's output with the shape that entered the block: the input of its first layer.
            var block = layer as ResidualLayer;
            var blockInput = block is null ? null : shapes[shapes.Count - block.BodyLength].Input;
            try
            {
                var result = block is null ? layer.Output(current) : block.Join(blockInput!, current);
                if (result.Shape is not { } output) return new ModelShapes(input, new(shapes), total, new ShapeError(layer, result.Error!));
                var parameters = block is null ? layer.Parameters(current, output) : block.Parameters(blockInput!, current, output);
                total = checked(total + parameters);
                shapes.Add(new LayerShape(layer, current, output, parameters, blockInput));
                current = output;
            }
            catch (OverflowException)
            {
                // Sizes from a hostile spec: a count past long's range is refused, never wrapped around.
                return new ModelShapes(input, new(shapes), total, new ShapeError(layer, $"'{layer.Name}' ({layer.Kind}) makes sizes or parameter counts too large to count (its input: {current})"));
            }
        }
        return new ModelShapes(input, new(shapes), total, null);
    }
}
