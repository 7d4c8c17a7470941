namespace DeepDsl.Dsl.Schema;

/// <summary>
/// A mapping whose keys the user chooses (a sweep's parameter paths), each value any YAML value; what the
/// keys and values mean is checked by the stage that reads them (<see cref="Sweeps.SweepReader"/>).
/// </summary>
public sealed record FreeMapShape(string ValueDoc) : Shape
{
    public override string Expected => "a mapping of " + ValueDoc;
}
