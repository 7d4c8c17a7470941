using DeepDsl.Dsl.Naming;

namespace DeepDsl.Dsl.Schema;

/// <summary>A name that becomes a C# identifier and a folder name (the experiment's, a layer's): checked against <see cref="Names"/>.</summary>
public sealed record NameShape : Shape
{
    public override string Expected => "a name: " + Names.Description;
}
