using System.Text.Json.Nodes;
using DeepDsl.Cli.Specs;
using DeepDsl.Dsl.Syntax;

namespace DeepDsl.Cli.LanguageServer;

/// <summary>
/// textDocument/definition on the `extends` value: the base file, resolved beside the spec as the language resolves it.
/// A base the project policy refuses, or one that does not exist, has no definition (the diagnostic says why).
/// </summary>
internal static class DefinitionProvider
{
    public static JsonNode? Definition(OpenDocument document, int offset)
    {
        var spot = SyntaxSpot.At(YamlLoader.Load(document.Path, document.Text, []), offset);
        if (spot is not { IsKey: false, Path: ["extends"] } || spot.Scalar.Text.Length == 0) return null;
        string target;
        try
        {
            target = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(document.Path)!, spot.Scalar.Text));
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return null; // not a path: the binder reports it
        }
        if (ProjectFileSystem.Refusal(document.Path, target) is not null || !File.Exists(target)) return null;
        return new JsonObject
        {
            ["uri"] = new Uri(target).AbsoluteUri,
            ["range"] = DiagnosticsPublisher.Range(0, 0, 0, 0),
        };
    }
}
