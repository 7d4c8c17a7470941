using System.Text.Json.Nodes;
using DeepDsl.Dsl.Syntax;

namespace DeepDsl.Cli.LanguageServer;

/// <summary>
/// The texts the editor has open, by file path, kept in step with didOpen/didChange/didClose. Only `file:` URIs stand
/// for a spec (`extends` and the project's limits are about files); other documents are refused.
/// </summary>
internal sealed class OpenDocuments
{
    private readonly Dictionary<string, OpenDocument> byPath = new(StringComparer.Ordinal);

    public IEnumerable<OpenDocument> All => byPath.Values;

    public OpenDocument? ByPath(string path) => byPath.TryGetValue(path, out var document) ? document : null;

    public OpenDocument Get(string uri) =>
        ByPath(PathOf(uri)) ?? throw new ResponseError(ResponseError.InvalidParams, $"{uri} is not open");

    public OpenDocument Open(string uri, int version, string text) => byPath[PathOf(uri)] = new OpenDocument(uri, PathOf(uri), version, Capped(text));

    public void Close(string uri) => byPath.Remove(PathOf(uri));

    /// <summary>Applies didChange's content changes in order: a change with a range replaces it, one without replaces the whole text.</summary>
    public OpenDocument Change(string uri, int version, JsonArray changes)
    {
        var document = Get(uri);
        var text = document.Text;
        foreach (var change in changes)
        {
            var replacement = change?["text"]?.GetValue<string>() ?? throw new ResponseError(ResponseError.InvalidParams, "a content change without text");
            if (change["range"] is not JsonObject range)
            {
                text = replacement;
                continue;
            }
            var start = Offset(text, range["start"]);
            var end = Offset(text, range["end"]);
            if (end < start) throw new ResponseError(ResponseError.InvalidParams, "a change's range ends before it starts");
            text = string.Concat(text.AsSpan(0, start), replacement, text.AsSpan(end));
            Capped(text);
        }
        return byPath[document.Path] = document with { Version = version, Text = text };
    }

    /// <summary>The file a `file:` URI names; anything else is refused, as the CLI reads only files.</summary>
    public static string PathOf(string uri)
    {
        if (!Uri.TryCreate(uri, UriKind.Absolute, out var parsed) || !parsed.IsFile)
            throw new ResponseError(ResponseError.InvalidParams, $"only file: documents are served ({Shorten(uri)})");
        return Path.GetFullPath(parsed.LocalPath);
    }

    public static int Offset(string text, JsonNode? position) =>
        position is JsonObject p && p["line"] is JsonValue line && p["character"] is JsonValue character
            ? TextPosition.OffsetOf(text, line.GetValue<int>(), character.GetValue<int>())
            : throw new ResponseError(ResponseError.InvalidParams, "a position needs line and character");

    // The language refuses longer texts with a diagnostic; an editor's buffer is capped a little above, so that refusal is what the user sees.
    private static string Capped(string text) => text.Length <= 4 * YamlLoader.MaxFileChars
        ? text
        : throw new ResponseError(ResponseError.InvalidParams, $"a document of more than {4 * YamlLoader.MaxFileChars} characters");

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..80] + "…";
}
