using System.Text.Json.Nodes;
using DeepDsl.Dsl;
using DeepDsl.Dsl.Diagnostics;
using DeepDsl.Dsl.Syntax;

namespace DeepDsl.Cli.LanguageServer;

/// <summary>
/// textDocument/codeAction: for each diagnostic of this document on the lines asked for that carries a fix
/// (<see cref="DslDiagnostic.Fix"/>, which its rule declares), a preferred quickfix that replaces the word it flags.
/// Only that word is edited, so comments and the rest of the line stay as written. A diagnostic whose word is not
/// written here (a default, or a value inherited from a base) has no action: there is nothing to replace.
/// </summary>
internal static class QuickFixProvider
{
    /// <summary>The fixes for the diagnostics on the lines from <paramref name="firstLine"/> to <paramref name="lastLine"/> (editors ask for the cursor's line).</summary>
    public static JsonArray Actions(OpenDocument document, SpecCompilation compilation, int firstLine, int lastLine)
    {
        var root = YamlLoader.Load(document.Path, document.Text, []);
        var actions = new JsonArray();
        // A repeated layer has one diagnostic per copy, all at the same word: one action for them.
        var offered = new HashSet<(int Start, string Replacement)>();
        foreach (var diagnostic in compilation.Diagnostics.Where(d => d.Location.File == document.Path))
        {
            var location = diagnostic.Location;
            if (location.StartLine > lastLine || location.EndLine < firstLine) continue;
            if (diagnostic.Fix is not { } replacement || FlaggedWord(root, location) is not { } spot) continue;
            var word = spot.Scalar.Location;
            if (!offered.Add((word.Start, replacement))) continue;
            actions.Add(new JsonObject
            {
                ["title"] = spot.IsKey || spot.Path.LastOrDefault() is not string key ? $"Use {replacement}" : $"Use {key}: {replacement}",
                ["kind"] = "quickfix",
                ["isPreferred"] = true,
                ["diagnostics"] = new JsonArray(DiagnosticsPublisher.ToLsp(diagnostic, document)),
                ["edit"] = new JsonObject
                {
                    ["changes"] = new JsonObject
                    {
                        [document.Uri] = new JsonArray(new JsonObject
                        {
                            ["range"] = DiagnosticsPublisher.Range(word.StartLine, word.StartColumn, word.EndLine, word.EndColumn),
                            ["newText"] = replacement,
                        }),
                    },
                },
            });
        }
        return actions;
    }

    /// <summary>
    /// The word a diagnostic flags, written in this document: the scalar it spans (a value), or the kind of the layer
    /// it spans (a list item `{ kind: settings }`). A default is located at the mapping it would go in, which is neither.
    /// </summary>
    private static SyntaxSpot? FlaggedWord(YNode? root, SourceLocation location)
    {
        if (SyntaxSpot.At(root, location.Start) is not { } spot || spot.Scalar.Location.Start != location.Start) return null;
        var isValue = !spot.IsKey && spot.Scalar.Location.Length == location.Length;
        // A list item's only key is a layer's kind; a default's place is a mapping of settings, whose keys follow a kind.
        var isLayerKind = spot is { IsKey: true, Path: [.., int, string], Ancestors: [.., YMapping { Entries.Count: 1 }] };
        return isValue || isLayerKind ? spot : null;
    }
}
