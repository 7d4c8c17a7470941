using DeepDsl.Dsl.Registry;

namespace DeepDsl.Dsl.Model;

/// <summary>An activation by Keras name (sigmoid for logistic) with its declared arguments (<see cref="Activations"/>), defaults filled in.</summary>
public sealed record ActivationSpec(string Kind, EquatableArray<Setting> Arguments)
{
    public ActivationSpec(string kind) : this(kind, new EquatableArray<Setting>([])) { }

    public ActivationDeclaration Declaration => Activations.Get(Kind, nameof(ActivationSpec));

    public double? Number(string key) => Settings.Number(Arguments, key);

    public bool IsReluFamily => Declaration.Family == ActivationFamily.Relu;

    public bool IsSaturating => Declaration.Family == ActivationFamily.Saturating;

    public bool IsSelfNormalizing => Declaration.Family == ActivationFamily.SelfNormalizing;
}
