namespace DeepDsl.Dsl.Diagnostics;

/// <summary>
/// Where a value came from: the file and the span (offset, length; 0-based lines and columns, as
/// Roslyn's LinePosition — printed 1-based).
/// </summary>
public sealed record SourceLocation(string File, int Start, int Length, int StartLine, int StartColumn, int EndLine, int EndColumn)
{
    public static SourceLocation StartOf(string file) => new SourceLocation(file, 0, 0, 0, 0, 0, 0);

    public override string ToString() => $"{File}({StartLine + 1},{StartColumn + 1})";
}
