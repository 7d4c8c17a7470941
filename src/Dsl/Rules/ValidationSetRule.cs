using System.Collections.Generic;
using System.Linq;
using DeepDsl.Dsl.Diagnostics;
using DeepDsl.Dsl.Model;

namespace DeepDsl.Dsl.Rules;

/// <summary>
/// DDSL020: a run is scored on one validation set — data.validation's first training examples or a set of its own files
/// (validation_dir, validation_file, x_validation with y_validation) — never both, and never half of one.
/// </summary>
public sealed class ValidationSetRule : IRule
{
    public IEnumerable<DslDiagnostic> Check(ExperimentSpec spec)
    {
        var data = spec.Data;
        var given = data.ValidationSetKeys;
        if (given.Count == 0) yield break;
        if (data.Validation > 0)
            yield return Report.At(spec, Descriptors.ValidationSet, "data.validation",
                $"data.validation takes the first {data.Validation} training examples as the validation set, but data.{given[0]} names a validation set of its own: " +
                $"keep one (remove data.validation, or data.{given[0]})");
        if (data.Declaration.ValidationSet.FirstOrDefault(key => !given.Contains(key)) is { } missing)
            yield return Report.At(spec, Descriptors.ValidationSet, "data." + given[0],
                $"data.{given[0]} needs data.{missing}: a validation set of {data.Dataset} files names {string.Join(" and ", data.Declaration.ValidationSet.Select(k => "data." + k))}");
    }
}
