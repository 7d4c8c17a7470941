using System.Text;

namespace DeepDsl.Cli.VersionControl;

/// <summary>
/// The one way a pattern becomes a `.gitattributes` line (gitattributes(5), checked with `git check-attr`):
/// a pattern that holds whitespace, a control character or a double quote, or that starts with `#`, is
/// written C-quoted (`"a b/**/*.yaml" diff=deepdsl`: git unquotes a pattern that starts with a quote, so a
/// space, a tab or a newline in a folder name travels in one line); `!` is escaped at the start, where git
/// would read a negation and ignore the line. Folder names become patterns through
/// <see cref="Literal"/>, which escapes the wildcards a name may hold (`*`, `?`, `[`, `\`).
/// </summary>
internal static class GitAttributesPattern
{
    /// <summary>A pattern matching exactly <paramref name="path"/> (relative to the repository, `/` between folders).</summary>
    public static string Literal(string path)
    {
        var pattern = new StringBuilder();
        foreach (var c in path)
        {
            if (c is '*' or '?' or '[' or ']' or '\\') pattern.Append('\\');
            pattern.Append(c);
        }
        return pattern.ToString();
    }

    /// <summary>The `.gitattributes` line giving <paramref name="pattern"/> the attributes.</summary>
    /// <exception cref="ArgumentException">The pattern cannot be written so that git reads it back: it is empty, or holds a name that was not UTF-8.</exception>
    public static string Line(string pattern, string attributes)
    {
        if (pattern.Length == 0) throw new ArgumentException("a .gitattributes pattern cannot be empty");
        // A name git listed in bytes that are not UTF-8 arrives with U+FFFD in their place: no pattern would match it.
        if (pattern.Contains('\uFFFD')) throw new ArgumentException($"{CQuoted(pattern)} is not valid UTF-8; a .gitattributes line written from it would match nothing");
        if (pattern[0] == '!') pattern = "\\" + pattern;
        var quote = pattern[0] == '#' || pattern.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c == '"');
        return $"{(quote ? CQuoted(pattern) : pattern)} {attributes}";
    }

    /// <summary>
    /// git's C-style quoting (what `unquote_c_style` reads back): `\\`, `\"`, `\t`, `\n`, octal for the other ASCII
    /// control characters; anything else is kept as it is, since git copies the UTF-8 bytes between the quotes.
    /// </summary>
    private static string CQuoted(string pattern)
    {
        var quoted = new StringBuilder("\"");
        foreach (var c in pattern)
        {
            quoted.Append(c switch
            {
                '\\' => "\\\\",
                '"' => "\\\"",
                '\t' => "\\t",
                '\n' => "\\n",
                _ when c < ' ' || c == '\x7f' => "\\" + Convert.ToString(c, 8).PadLeft(3, '0'),
                _ => c.ToString(),
            });
        }
        return quoted.Append('"').ToString();
    }
}
