namespace DeepDsl.Plots;

/// <summary>One tick of an axis: its value and the label printed for it.</summary>
public sealed record Tick(double Value, string Label);
