using System.Text;
using System.Text.Json.Nodes;

namespace DeepDsl.Cli.LanguageServer;

/// <summary>
/// LSP's base protocol: each message is a `Content-Length: N` header, a blank line, and N bytes of UTF-8 JSON.
/// The editor is trusted no more than a spec: headers and bodies are capped, so a wrong length cannot make the
/// server allocate without bound.
/// </summary>
internal sealed class MessageFraming(Stream input, Stream output)
{
    /// <summary>The largest body read: a whole document in a didOpen (the language caps specs at 4 MB of UTF-8) with room for its JSON escaping.</summary>
    public const int MaxContentBytes = 64 * 1024 * 1024;

    private const int MaxHeaderBytes = 8 * 1024;

    /// <summary>The next message's body, or null at the end of the input. A frame that breaks the protocol throws <see cref="InvalidDataException"/>.</summary>
    public byte[]? ReadBody()
    {
        int? length = null;
        while (true)
        {
            var line = ReadHeaderLine();
            if (line is null) return null;
            if (line.Length == 0)
            {
                if (length is null) continue; // blank lines between messages carry nothing
                break;
            }
            var colon = line.IndexOf(':');
            if (colon < 0) throw new InvalidDataException($"a header line without ':' ({Shorten(line)})");
            if (!line[..colon].Trim().Equals("Content-Length", StringComparison.OrdinalIgnoreCase)) continue; // Content-Type and others carry nothing we use
            if (!int.TryParse(line[(colon + 1)..].Trim(), out var n) || n < 0 || n > MaxContentBytes)
                throw new InvalidDataException($"Content-Length must be a number of bytes from 0 to {MaxContentBytes} ({Shorten(line)})");
            length = n;
        }
        var body = new byte[length.Value];
        var read = 0;
        while (read < body.Length)
        {
            var got = input.Read(body, read, body.Length - read);
            if (got == 0) return null;
            read += got;
        }
        return body;
    }

    /// <summary>Writes one message (the server handles one message at a time, on one thread).</summary>
    public void Write(JsonNode message)
    {
        var body = Encoding.UTF8.GetBytes(message.ToJsonString());
        output.Write(Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n"));
        output.Write(body);
        output.Flush();
    }

    private string? ReadHeaderLine()
    {
        var bytes = new List<byte>();
        while (true)
        {
            var b = input.ReadByte();
            if (b < 0) return bytes.Count == 0 ? null : throw new InvalidDataException("the input ended inside a header");
            if (b == '\n') break;
            if (bytes.Count >= MaxHeaderBytes) throw new InvalidDataException($"a header line longer than {MaxHeaderBytes} bytes");
            bytes.Add((byte)b);
        }
        if (bytes.Count > 0 && bytes[^1] == '\r') bytes.RemoveAt(bytes.Count - 1);
        return Encoding.ASCII.GetString(bytes.ToArray());
    }

    private static string Shorten(string line) => line.Length <= 60 ? line : line[..60] + "…";
}
