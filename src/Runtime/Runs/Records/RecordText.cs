namespace DeepDsl.Runs.Records;

/// <summary>
/// The characters that text read from a record (or a folder name) may not carry as they are to a terminal or into a
/// figure: control characters (C0, DEL, C1 — ESC starts a terminal command, CR rewrites a line, U+009B is a command
/// on its own), line and paragraph separators, the bidirectional overrides (they reorder what a reader sees), the
/// non-characters U+FFFE/U+FFFF and lone surrogates (XML, and so SVG and HTML, cannot hold them).
/// Records refuse them (<see cref="RecordCheck.Text"/>); the CLI escapes them where it prints a value from a spec.
/// </summary>
public static class RecordText
{
    /// <summary>Whether the character at <paramref name="index"/> must not reach a terminal or a figure as it is.</summary>
    public static bool IsUnsafeAt(string text, int index)
    {
        var c = text[index];
        if (char.IsHighSurrogate(c)) return index + 1 >= text.Length || !char.IsLowSurrogate(text[index + 1]);
        if (char.IsLowSurrogate(c)) return index == 0 || !char.IsHighSurrogate(text[index - 1]);
        return c < ' ' || c is >= '\u007f' and <= '\u009f' or '\u2028' or '\u2029' or >= '\u202a' and <= '\u202e'
            or >= '\u2066' and <= '\u2069' or '\ufffe' or '\uffff';
    }

    /// <summary>The index of the first such character, or -1.</summary>
    public static int FirstUnsafe(string text)
    {
        for (var i = 0; i < text.Length; i++)
            if (IsUnsafeAt(text, i)) return i;
        return -1;
    }
}
