using System.Text.Json.Nodes;
using DeepDsl.Dsl;
using DeepDsl.Dsl.Diagnostics;
using DeepDsl.Dsl.Syntax;

namespace DeepDsl.Cli.LanguageServer;

/// <summary>
/// textDocument/codeAction for DDSL101 (a SELU layer with another initializer): replace the written `kernel_init` value
/// with `lecun_normal`. The edit covers the value only, so comments and the rest of the line stay as written. A layer
/// that leaves kernel_init to its default, or inherits it from a base, gets no action: there is no value here to replace.
/// </summary>
internal static class SeluQuickFix
{
    public const string Initializer = "lecun_normal";

    /// <summary>The fixes for the DDSL101 diagnostics on the lines from <paramref name="firstLine"/> to <paramref name="lastLine"/> (editors ask for the cursor's line).</summary>
    public static JsonArray Actions(OpenDocument document, SpecCompilation compilation, int firstLine, int lastLine)
    {
        var root = YamlLoader.Load(document.Path, document.Text, []);
        var actions = new JsonArray();
        foreach (var diagnostic in compilation.Diagnostics.Where(d => d.Id == Descriptors.SeluInit.Id && d.Location.File == document.Path))
        {
            var location = diagnostic.Location;
            if (location.StartLine > lastLine || location.EndLine < firstLine) continue;
            if (SyntaxSpot.At(root, location.Start) is not { IsKey: false } spot || spot.Path.LastOrDefault() is not "kernel_init") continue;
            var value = spot.Scalar.Location;
            actions.Add(new JsonObject
            {
                ["title"] = $"Use kernel_init: {Initializer}",
                ["kind"] = "quickfix",
                ["isPreferred"] = true,
                ["diagnostics"] = new JsonArray(DiagnosticsPublisher.ToLsp(diagnostic, document)),
                ["edit"] = new JsonObject
                {
                    ["changes"] = new JsonObject
                    {
                        [document.Uri] = new JsonArray(new JsonObject
                        {
                            ["range"] = DiagnosticsPublisher.Range(value.StartLine, value.StartColumn, value.EndLine, value.EndColumn),
                            ["newText"] = Initializer,
                        }),
                    },
                },
            });
        }
        return actions;
    }
}
