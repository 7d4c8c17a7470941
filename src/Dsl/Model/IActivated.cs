namespace DeepDsl.Dsl.Model;

/// <summary>A layer that applies an activation (written as its `activation` setting): the activation rules ask for this, not for a layer type.</summary>
public interface IActivated
{
    ActivationSpec Activation { get; }
}
