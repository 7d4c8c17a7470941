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
            var blockInput = layer is ResidualLayer residual ? BlockInput(shapes, residual.BodyLength) : null;
            try
            {
                var result = layer is ResidualLayer r ? r.Join(blockInput!, current) : layer.Output(current);
                if (result.Shape is not { } output) return new ModelShapes(input, new(shapes), total, new ShapeError(layer, result.Error!));
                var parameters = layer is ResidualLayer block ? block.Parameters(blockInput!, current, output) : layer.Parameters(current, output);
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

    /// <summary>The shape that entered a residual block: before the first of the <paramref name="bodyLength"/> layers that precede it.</summary>
    private static TensorShape BlockInput(List<LayerShape> shapes, int bodyLength) =>
        shapes[shapes.Count - bodyLength].Input;
}
