namespace DeepDsl.Dsl.Resolution;

/// <summary>The outcome of reading a spec file: its text, or why it was not read (missing, refused, too large).</summary>
public readonly struct SpecFileRead
{
    private SpecFileRead(string? text, string? problem, bool refused)
    {
        Text = text;
        Problem = problem;
        IsRefusal = refused;
    }

    /// <summary>The file's text; null when it was not read.</summary>
    public string? Text { get; }

    /// <summary>Why the file was not read, in words fit for a diagnostic (never its content); null when it was.</summary>
    public string? Problem { get; }

    /// <summary>The file may exist, but the reader's policy does not let a spec open it (outside the project, not a regular file, too large).</summary>
    public bool IsRefusal { get; }

    public static SpecFileRead Of(string text) => new(text, null, false);

    public static SpecFileRead Missing(string problem) => new(null, problem, false);

    public static SpecFileRead Refused(string problem) => new(null, problem, true);
}
