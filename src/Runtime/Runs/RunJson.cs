using System.Text.Json;
using System.Text.Json.Serialization;

namespace DeepDsl.Runs;

/// <summary>The one JSON style of run records: snake_case, indented, NaN written as a string.</summary>
public static class RunJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };
}
