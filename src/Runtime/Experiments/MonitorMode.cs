namespace DeepDsl.Experiments;

/// <summary>Whether a monitored metric improves by going down or up; Auto: up for accuracies, down otherwise.</summary>
public enum MonitorMode { Auto, Min, Max }
