using System.Text;

namespace DeepDsl.Data;

/// <summary>
/// An RFC 4180 reader that knows where each cell starts: fields separated by commas, records by CRLF or LF, fields in
/// double quotes may hold commas, line breaks and doubled quotes (""). A UTF-8 byte-order mark is skipped; blank lines
/// are skipped (as pandas does). Malformed text is a <see cref="DataException"/> at its file, line and column.
/// </summary>
internal sealed class CsvReader(string file, string text)
{
    private int at = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
    private int line = 1;
    private int lineStart = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;

    public readonly record struct Cell(string Text, int Line, int Column);

    public static CsvReader Open(string file, long maxBytes)
    {
        var bytes = DataFile.Read(file, maxBytes, "a CSV file");
        try
        {
            return new CsvReader(file, new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes));
        }
        catch (DecoderFallbackException)
        {
            throw new DataException($"{file} is not UTF-8 text (expected a CSV file).");
        }
    }

    public string File => file;

    /// <summary>The next record's cells, or null at the end of the text.</summary>
    public List<Cell>? Next()
    {
        while (at < text.Length && (text[at] == '\n' || text[at] == '\r' && Peek(1) == '\n'))
            EndLine(); // a blank line
        if (at >= text.Length) return null;
        var cells = new List<Cell>();
        while (true)
        {
            cells.Add(ReadCell());
            if (at >= text.Length) return cells;
            if (text[at] == ',')
            {
                at++;
                continue;
            }
            EndLine();
            return cells;
        }
    }

    /// <summary>Where the reader is.</summary>
    private (int Line, int Column) Position => (line, at - lineStart + 1);

    private Cell ReadCell()
    {
        var (startLine, startColumn) = Position;
        if (at < text.Length && text[at] == '"')
        {
            at++;
            var value = new StringBuilder();
            while (true)
            {
                if (at >= text.Length) throw Error(startLine, startColumn, "a quoted cell is not closed (a '\"' is missing)");
                var c = text[at];
                if (c == '"' && Peek(1) == '"')
                {
                    value.Append('"');
                    at += 2;
                }
                else if (c == '"')
                {
                    at++;
                    break;
                }
                else if (c == '\n')
                {
                    value.Append(c);
                    at++;
                    line++;
                    lineStart = at;
                }
                else
                {
                    value.Append(c);
                    at++;
                }
            }
            if (at < text.Length && text[at] != ',' && !AtLineEnd())
                throw Error(line, at - lineStart + 1, "text after a quoted cell's closing quote (a quote inside a cell is written \"\")");
            return new Cell(value.ToString(), startLine, startColumn);
        }
        var start = at;
        while (at < text.Length && text[at] != ',' && !AtLineEnd())
        {
            if (text[at] == '"') throw Error(line, at - lineStart + 1, "a '\"' inside a cell that does not start with one (quote the whole cell and write the quote as \"\")");
            at++;
        }
        return new Cell(text[start..at], startLine, startColumn);
    }

    private bool AtLineEnd() => text[at] == '\n' || text[at] == '\r' && Peek(1) == '\n';

    private void EndLine()
    {
        at += text[at] == '\r' ? 2 : 1;
        line++;
        lineStart = at;
    }

    private char Peek(int ahead) => at + ahead < text.Length ? text[at + ahead] : '\0';

    public DataException Error(int atLine, int atColumn, string message) => new($"{file}:{atLine}:{atColumn}: {message}.");
}
