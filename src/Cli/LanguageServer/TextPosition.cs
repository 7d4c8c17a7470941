namespace DeepDsl.Cli.LanguageServer;

/// <summary>
/// LSP positions (0-based line, and character in UTF-16 code units, the protocol's default encoding) against offsets
/// into a .NET string, which counts UTF-16 code units too. A line ends at \n, \r\n or a lone \r, as the protocol says
/// (and YAML: the language's line numbers count them the same way); a position past a line's end means its end.
/// </summary>
internal static class TextPosition
{
    public static int OffsetOf(string text, int line, int character)
    {
        if (line < 0 || character < 0) throw new ResponseError(ResponseError.InvalidParams, $"position {line}:{character} is negative");
        var start = 0;
        for (var l = 0; l < line; l++)
        {
            var next = NextLine(text, start);
            if (next < 0) return text.Length; // past the last line: the end of the text
            start = next;
        }
        var end = text.IndexOfAny(Breaks, start);
        if (end < 0) end = text.Length;
        return Math.Min(start + character, end);
    }

    /// <summary>The (line, character) of an offset.</summary>
    public static (int Line, int Character) PositionOf(string text, int offset)
    {
        offset = Math.Clamp(offset, 0, text.Length);
        int line = 0, lineStart = 0;
        for (var next = NextLine(text, 0); next >= 0 && next <= offset; next = NextLine(text, next))
        {
            line++;
            lineStart = next;
        }
        return (line, offset - lineStart);
    }

    /// <summary>The whole text's range, for an edit that replaces it.</summary>
    public static (int Line, int Character) End(string text) => PositionOf(text, text.Length);

    private static readonly char[] Breaks = ['\r', '\n'];

    // Where the line after the one that holds `from` starts, or -1 when that line is the last.
    private static int NextLine(string text, int from)
    {
        var at = text.IndexOfAny(Breaks, from);
        if (at < 0) return -1;
        return text[at] == '\r' && at + 1 < text.Length && text[at + 1] == '\n' ? at + 2 : at + 1;
    }
}
