namespace DeepDsl.Generator.Model;

/// <summary>
/// A DSL diagnostic as a value (id, message, file and span), turned into a Roslyn Diagnostic only at
/// output time — so models stay free of Location and the incremental cache keeps working.
/// </summary>
internal sealed record DiagnosticInfo(
    string Id,
    string Message,
    string FilePath,
    int Start,
    int Length,
    int StartLine,
    int StartColumn,
    int EndLine,
    int EndColumn);
