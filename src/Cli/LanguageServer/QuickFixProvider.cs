using System.Text.Json.Nodes;
using DeepDsl.Dsl;
using DeepDsl.Dsl.Syntax;

namespace DeepDsl.Cli.LanguageServer;

/// <summary>
/// textDocument/codeAction: for each diagnostic of this document on the lines asked for that has a <see cref="QuickFix"/>
/// whose word is written here, a preferred quickfix that replaces that word.
/// </summary>
internal static class QuickFixProvider
{
    /// <summary>The fixes for the diagnostics on the lines from <paramref name="firstLine"/> to <paramref name="lastLine"/> (editors ask for the cursor's line).</summary>
    public static JsonArray Actions(OpenDocument document, SpecCompilation compilation, int firstLine, int lastLine)
    {
        var root = YamlLoader.Load(document.Path, document.Text, []);
        var actions = new JsonArray();
        foreach (var diagnostic in compilation.Diagnostics.Where(d => d.Location.File == document.Path))
        {
            var location = diagnostic.Location;
            if (location.StartLine > lastLine || location.EndLine < firstLine) continue;
            if (QuickFix.All.FirstOrDefault(f => f.Diagnostic.Id == diagnostic.Id) is not { } fix) continue;
            if (SyntaxSpot.At(root, location.Start) is not { } spot || !fix.Fits(spot)) continue;
            var word = spot.Scalar.Location;
            actions.Add(new JsonObject
            {
                ["title"] = fix.Title(spot),
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
                            ["newText"] = fix.Replacement,
                        }),
                    },
                },
            });
        }
        return actions;
    }
}
