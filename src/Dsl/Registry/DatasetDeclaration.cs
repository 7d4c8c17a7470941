using System.Collections.Generic;
using System.Linq;

namespace DeepDsl.Dsl.Registry;

/// <summary>
/// A dataset: its arguments (the <c>data</c> keys it takes) and <paramref name="RuntimeType"/>, the source record the
/// generated experiment constructs with the arguments in declared order, then the <see cref="Context"/> values the
/// experiment supplies. What the rules need: a fixed number of <see cref="Classes"/>, and how one example's shape is
/// known (<see cref="Layout"/>).
/// </summary>
public sealed record DatasetDeclaration(string Name, string Doc, string RuntimeType, IReadOnlyList<Argument> Arguments) : Declaration(Name, Doc, Arguments)
{
    /// <summary>The number of classes when the dataset fixes it (CIFAR-10: 10); else the <c>classes</c> argument or the data says.</summary>
    public int? Classes { get; init; }

    public ExampleLayout Layout { get; init; } = ExampleLayout.Free;

    /// <summary>One example's shape, for <see cref="ExampleLayout.Fixed"/>.</summary>
    public IReadOnlyList<long> FixedShape { get; init; } = [];

    /// <summary>
    /// The argument keys that name a validation set of its own files (image_folder: validation_dir; npy: x_validation and
    /// y_validation, both needed), the alternative to data.validation's first training examples. Empty: the dataset has none.
    /// Read from the arguments marked <see cref="Argument.NamesValidationSet"/>, so the keys are declared once.
    /// </summary>
    public IReadOnlyList<string> ValidationSet => [.. Arguments.Where(a => a.NamesValidationSet).Select(a => a.Key)];

    /// <summary>What the runtime source takes after the declared arguments, from the rest of the spec.</summary>
    public IReadOnlyList<DatasetContext> Context { get; init; } = [];
}
