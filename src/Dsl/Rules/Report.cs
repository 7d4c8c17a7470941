using DeepDsl.Dsl.Diagnostics;
using DeepDsl.Dsl.Model;

namespace DeepDsl.Dsl.Rules;

/// <summary>Makes a rule's diagnostic, located at a key path of the spec (the value, or where its key would go).</summary>
internal static class Report
{
    /// <param name="fix">What replaces the flagged word, when there is one obvious fix (<see cref="DslDiagnostic.Fix"/>).</param>
    public static DslDiagnostic At(ExperimentSpec spec, DiagnosticDescriptor descriptor, string path, string message, string? fix = null) =>
        new(descriptor.Id, descriptor.DefaultSeverity, message, spec.Sources[path]) { Fix = fix };

    public static string Field(LayerSpec layer, string key) => $"{layer.Path}.{layer.Kind}.{key}";
}
