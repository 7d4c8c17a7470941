namespace DeepDsl.Generator.Model;

/// <summary>
/// What the generator emits for a spec with errors whose name is still readable: the model and experiment classes as
/// obsolete-as-error shells carrying the spec's first error. The compiler runs analyzers only when the C# compiles, so
/// without them code that uses the classes would show only "type not found"; with them it shows the YAML error itself.
/// </summary>
internal sealed record StandIn(string Namespace, string TypePrefix, string SpecName, string FirstError)
{
    public string ModelType => TypePrefix + "Model";

    public string ExperimentType => TypePrefix + "Experiment";
}
