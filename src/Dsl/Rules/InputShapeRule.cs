using System.Collections.Generic;
using System.Linq;
using DeepDsl.Dsl.Diagnostics;
using DeepDsl.Dsl.Model;
using DeepDsl.Dsl.Registry;

namespace DeepDsl.Dsl.Rules;

/// <summary>
/// DDSL013: the model's input must be the data's example shape (as far as the spec tells it), random crops and flips need
/// images ([channels, height, width]), and given statistics one value per channel. What each layer makes of the input is
/// DDSL019's (<see cref="LayerShapeRule"/>).
/// </summary>
public sealed class InputShapeRule : IRule
{
    public IEnumerable<DslDiagnostic> Check(ExperimentSpec spec)
    {
        var input = spec.Model.Input;
        var expected = Expected(spec.Data);
        if (expected is not null && !Fits(input, expected))
            yield return Report.At(spec, Descriptors.InputShape, "model.input",
                $"model.input is {Shape(input)} but {spec.Data.Dataset} examples are {Shape(expected)}{Hint(spec.Data)}");
        if (spec.Data.Augment is not { } augment) yield break;
        foreach (var (written, key) in new[] { (augment.CropPadding is not null, "random_crop"), (augment.HorizontalFlip, "horizontal_flip") })
            if (written && input.Count != 3)
                yield return Report.At(spec, Descriptors.InputShape, "data.augment." + key,
                    $"data.augment.{key} needs images, [channels, height, width], but model.input is {Shape(input)}");
        if (augment.Normalize is { Computed: false } given)
        {
            // The channels are an example's first axis: the data's own count when the spec tells it, else model.input's.
            var channels = expected is { Count: > 0 } && expected[0] is { } known ? known : input.Count > 0 ? input[0] : 0;
            foreach (var (values, key) in new[] { (given.Mean, "mean"), (given.Std, "std") })
                if (values.Count != channels)
                    yield return Report.At(spec, Descriptors.InputShape, "data.augment.normalize.given." + key,
                        $"data.augment.normalize.given.{key} has {values.Count} value(s) but the examples have {channels} channel(s) (their first axis)");
        }
    }

    /// <summary>One example's shape as far as the spec tells it (null: any), a null entry for a size only the data knows.</summary>
    private static IReadOnlyList<long?>? Expected(DataSpec data)
    {
        var declaration = data.Declaration;
        switch (declaration.Layout)
        {
            case ExampleLayout.Free:
                return null;
            case ExampleLayout.Fixed:
                return declaration.FixedShape.Select(s => (long?)s).ToList();
            case ExampleLayout.Images:
                var size = data.Find("image_size") is EquatableArray<double> hw ? hw.Select(v => (long?)v).ToList() : [null, null];
                return [(long?)data.Find("channels"), .. size];
            case ExampleLayout.Features:
                return [data.Find("features") is EquatableArray<string> features ? features.Count : null];
            default:
                throw new UnknownKindException("example layout", declaration.Layout.ToString(), nameof(InputShapeRule));
        }
    }

    private static bool Fits(IReadOnlyList<long> input, IReadOnlyList<long?> expected) =>
        input.Count == expected.Count && input.Zip(expected, (i, e) => e is null || e == i).All(fits => fits);

    /// <summary>Images are channels first, as libtorch lays them out; specs written before convolutions came used [32, 32, 3] for CIFAR-10.</summary>
    private static string Hint(DataSpec data) => data.Declaration.Layout == ExampleLayout.Images || data.Declaration.FixedShape.Count == 3
        ? ": images are channels first, [channels, height, width]"
        : "";

    private static string Shape(IEnumerable<long> shape) => $"[{string.Join(", ", shape)}]";

    private static string Shape(IEnumerable<long?> shape) => $"[{string.Join(", ", shape.Select(s => s is { } n ? n.ToString(System.Globalization.CultureInfo.InvariantCulture) : "?"))}]";
}
