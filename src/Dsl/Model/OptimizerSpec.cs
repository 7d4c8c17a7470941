using DeepDsl.Dsl.Registry;

namespace DeepDsl.Dsl.Model;

/// <summary>An optimizer by Keras name with its declared arguments (<see cref="Optimizers"/>), defaults filled in.</summary>
public sealed record OptimizerSpec(string Kind, EquatableArray<Setting> Arguments)
{
    public OptimizerDeclaration Declaration => Optimizers.Get(Kind, nameof(OptimizerSpec));

    public double? Number(string key) => Settings.Number(Arguments, key);

    public bool? Bool(string key) => Settings.Find(Arguments, key) as bool?;

    public double LearningRate => Number("learning_rate")!.Value;

    public double? ClipNorm => Number("clipnorm");

    public double? GlobalClipNorm => Number("global_clipnorm");

    public double? ClipValue => Number("clipvalue");
}
