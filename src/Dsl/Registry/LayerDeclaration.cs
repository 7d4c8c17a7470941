using System;
using System.Collections.Generic;
using DeepDsl.Dsl.Model;
using DeepDsl.Dsl.Schema;

namespace DeepDsl.Dsl.Registry;

/// <summary>
/// A layer kind: its arguments (every layer also takes a `name`), the runtime module it becomes (<paramref name="RuntimeType"/>;
/// null for layers the generated forward pass applies as a function) and <paramref name="Build"/>, which makes its typed
/// <see cref="LayerSpec"/> — the record that knows the layer's output shape and parameters.
/// </summary>
public sealed record LayerDeclaration(string Name, string Doc, string? RuntimeType, IReadOnlyList<Argument> Arguments, Func<LayerSettings, LayerSpec> Build)
    : Declaration(Name, Doc, Arguments)
{
    public static readonly Field NameField = new("name", new NameShape(), "Layer name (" + Naming.Names.Description + "); its property in the generated model (default: kind_n).", Nullable: true);

    protected override IEnumerable<Field> Fields()
    {
        foreach (var field in base.Fields()) yield return field;
        yield return NameField;
    }
}
