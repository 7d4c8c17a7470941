using System.Collections.Generic;
using System.Linq;

namespace DeepDsl.Generator.Emitting;

/// <summary>Writes the catalog of a project's experiments, found by name: always there when the project has a spec, empty when none compiles.</summary>
internal static class CatalogEmitter
{
    public const string HintName = "DeepDsl.ExperimentCatalog.g.cs";

    /// <param name="experiments">Full type names of the experiment classes, and their spec names.</param>
    public static string Emit(string ns, IEnumerable<(string SpecName, string TypeName)> experiments)
    {
        var w = GeneratedFile.Open(ns);
        w.WriteLine("/// <summary>Every experiment of this project whose spec compiles, by spec name (the build reports the others' errors).</summary>");
        w.WriteLine(Text.GeneratedCodeAttribute);
        w.OpenBlock("public static partial class ExperimentCatalog");
        w.WriteLine("public static global::System.Collections.Generic.IReadOnlyDictionary<string, global::System.Func<global::DeepDsl.Experiments.IExperiment>> All { get; } =");
        w.WriteLine("    new global::System.Collections.Generic.Dictionary<string, global::System.Func<global::DeepDsl.Experiments.IExperiment>>");
        w.WriteLine("    {");
        w.Indentation += 2;
        foreach (var (specName, typeName) in experiments.OrderBy(e => e.SpecName, System.StringComparer.Ordinal))
            w.WriteLine($"[{Text.Literal(specName)}] = () => new {typeName}(),");
        w.Indentation -= 2;
        w.WriteLine("    };");
        w.CloseBlock();
        w.CloseBlock();
        return w.ToString();
    }
}
