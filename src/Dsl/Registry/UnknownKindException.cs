namespace DeepDsl.Dsl.Registry;

/// <summary>
/// A bug, not a user error: code asked a registry for a name that no declaration claims. The schema accepts only
/// declared names, so a spec cannot get here; a caller that passes a name from elsewhere (or a table not built from
/// the registry) can, and is told which name and which caller instead of getting some other kind by default.
/// </summary>
public sealed class UnknownKindException(string concept, string name, string asker)
    : System.InvalidOperationException($"internal error: {asker} was given {concept} '{name}', which no declaration in the {concept} registry claims")
{
    public string Concept { get; } = concept;

    public string Name { get; } = name;

    public string Asker { get; } = asker;
}
