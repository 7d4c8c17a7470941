namespace DeepDsl.Cli.LanguageServer;

/// <summary>
/// LSP positions (0-based line, and character in UTF-16 code units, the protocol's default encoding) against offsets
/// into a .NET string, which counts UTF-16 code units too. A position past a line's end means its end, as the protocol says.
/// </summary>
internal static class TextPosition
{
    public static int OffsetOf(string text, int line, int character)
    {
        if (line < 0 || character < 0) throw new ResponseError(ResponseError.InvalidParams, $"position {line}:{character} is negative");
        var start = 0;
        for (var l = 0; l < line; l++)
        {
            var next = text.IndexOf('\n', start);
            if (next < 0) return text.Length; // past the last line: the end of the text
            start = next + 1;
        }
        var end = text.IndexOf('\n', start);
        if (end < 0) end = text.Length;
        if (end > start && text[end - 1] == '\r') end--;
        return Math.Min(start + character, end);
    }

    /// <summary>The (line, character) of an offset.</summary>
    public static (int Line, int Character) PositionOf(string text, int offset)
    {
        offset = Math.Clamp(offset, 0, text.Length);
        int line = 0, lineStart = 0;
        for (var i = text.IndexOf('\n'); i >= 0 && i < offset; i = text.IndexOf('\n', i + 1))
        {
            line++;
            lineStart = i + 1;
        }
        return (line, offset - lineStart);
    }

    /// <summary>The whole text's range, for an edit that replaces it.</summary>
    public static (int Line, int Character) End(string text) => PositionOf(text, text.Length);
}
