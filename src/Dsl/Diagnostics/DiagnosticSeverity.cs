namespace DeepDsl.Dsl.Diagnostics;

/// <summary>Severities, as in .editorconfig's dotnet_diagnostic.ID.severity (none suppresses).</summary>
public enum DiagnosticSeverity { None, Hidden, Info, Warning, Error }
