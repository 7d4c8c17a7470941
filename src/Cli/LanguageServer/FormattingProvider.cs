using System.Text.Json.Nodes;
using DeepDsl.Dsl.Formatting;

namespace DeepDsl.Cli.LanguageServer;

/// <summary>textDocument/formatting: <see cref="SpecFormatter"/>'s canonical text as one edit over the whole document; no edit when the text does not parse or is already canonical.</summary>
internal static class FormattingProvider
{
    public static JsonArray Format(OpenDocument document)
    {
        var formatted = SpecFormatter.Format(document.Path, document.Text, []);
        if (formatted is null || formatted == document.Text) return [];
        var (line, character) = TextPosition.End(document.Text);
        return [new JsonObject { ["range"] = DiagnosticsPublisher.Range(0, 0, line, character), ["newText"] = formatted }];
    }
}
