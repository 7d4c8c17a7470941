namespace DeepDsl.Dsl.Model;

/// <summary>A learning-rate schedule by name; fields that the kind does not have keep their defaults.</summary>
public sealed record ScheduleSpec(string Kind, string Unit, double DecayRate, double? DecaySteps, bool Staircase, EquatableArray<double> Boundaries,
    EquatableArray<double> Values, double Power, double Alpha, string Monitor, string Mode, double Factor, long Patience, double MinDelta, long Cooldown,
    double MinLr, double MaxLr, string Variant, double? StartLr, double? LastLr, double PctStart, bool? CycleMomentum, double MaxMomentum, double BaseMomentum);
