namespace DeepDsl.Plots;

/// <summary>
/// Estimated size of a label in the sans-serif a browser picks (DejaVu Sans on Debian, which is wide):
/// per-character advance classes, rounded up so a layout built on them leaves room rather than overlaps.
/// A dependency-free SVG writer has no font metrics; the browser tests check the estimate against the real boxes.
/// </summary>
public static class TextMetrics
{
    public const double Ascent = 0.93, Descent = 0.24;

    public static double Width(string text, double size) => size * text.Sum(Advance);

    public static double Height(double size) => size * (Ascent + Descent);

    /// <summary>The text, or as much of it as fits in <paramref name="room"/> followed by "…" (a long run or experiment name).</summary>
    public static string Truncate(string text, double size, double room)
    {
        if (Width(text, size) <= room) return text;
        var keep = text.Length;
        while (keep > 0 && Width(text[..keep] + "…", size) > room) keep--;
        // Never split a surrogate pair: half a character is not text.
        if (keep > 0 && char.IsHighSurrogate(text[keep - 1])) keep--;
        return text[..keep] + "…";
    }

    private static double Advance(char c) => c switch
    {
        'i' or 'j' or 'l' or '.' or ',' or ':' or ';' or '|' or '!' or '\'' => 0.32,
        ' ' or 'f' or 't' or 'r' or '(' or ')' or '[' or ']' or '/' or '-' => 0.45,
        'm' or 'w' or 'M' or 'W' or '@' or '%' or '…' => 1.0,
        >= 'A' and <= 'Z' => 0.78,
        _ when c > 0x2E7F => 1.0, // CJK and other wide scripts
        _ => 0.66,
    };
}
