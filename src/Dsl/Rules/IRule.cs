using System.Collections.Generic;
using DeepDsl.Dsl.Diagnostics;
using DeepDsl.Dsl.Model;

namespace DeepDsl.Dsl.Rules;

/// <summary>One validation rule: it reads the resolved spec and reports at the value that breaks it.</summary>
public interface IRule
{
    IEnumerable<DslDiagnostic> Check(ExperimentSpec spec);
}
