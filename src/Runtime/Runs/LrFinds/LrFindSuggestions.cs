using DeepDsl.Runs.Records;

namespace DeepDsl.Runs.LrFinds;

/// <summary>The rates a sweep suggests (<see cref="LearningRateSearch.LearningRateFinder.Suggest"/>), as lr_find.json records them.</summary>
public sealed record LrFindSuggestions(double MinimumOverTen, double Valley, double Steepest, double Minimum)
{
    /// <summary>What makes these suggestions unusable (each must be a rate: finite and &gt; 0), or null.</summary>
    public string? Problem(string field) =>
        RecordCheck.FinitePositive(MinimumOverTen, $"{field}.minimum_over_ten")
        ?? RecordCheck.FinitePositive(Valley, $"{field}.valley")
        ?? RecordCheck.FinitePositive(Steepest, $"{field}.steepest")
        ?? RecordCheck.FinitePositive(Minimum, $"{field}.minimum");
}
