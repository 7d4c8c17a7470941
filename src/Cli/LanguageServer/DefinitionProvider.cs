using System.Text.Json.Nodes;
using DeepDsl.Dsl;
using DeepDsl.Dsl.Diagnostics;
using DeepDsl.Dsl.Registry;
using DeepDsl.Dsl.Resolution;
using DeepDsl.Dsl.Sweeps;
using DeepDsl.Dsl.Syntax;

namespace DeepDsl.Cli.LanguageServer;

/// <summary>
/// textDocument/definition, three gestures:
/// on the `extends` value, the base file, resolved beside the spec as the language resolves it;
/// on a key the spec writes that a base writes too (a value it overrides, a mapping it merges into, a key it removes
/// with `null`), that key's line in the nearest base that writes it;
/// on a sweep parameter's path, where the resolved spec sets that value (in a base or here; each layer a wildcard
/// names), as the trials will see it before the sweep changes it.
/// Bases are the compilation's own `extends` chain, so a base the language left out (refused by the project policy,
/// missing, not a spec, a cycle) has no definition (the diagnostic says why), and an open base is read as the editor has it.
/// </summary>
internal static class DefinitionProvider
{
    public static JsonNode? Definition(OpenDocument document, int offset, ISpecFileSystem files, Func<SpecCompilation> compile)
    {
        var root = YamlLoader.Load(document.Path, document.Text, []);
        var spot = SyntaxSpot.At(root, offset);
        return spot switch
        {
            null => null,
            { IsKey: false, Path: ["extends"] } => Extends(compile()),
            { IsKey: true, Path: ["sweep", "parameters", string parameter] } => SweepTarget(parameter, compile()),
            _ => Inherited(spot, compile(), files),
        };
    }

    /// <summary>The base the spec's `extends` took: the second file of its chain.</summary>
    private static JsonNode? Extends(SpecCompilation compilation) =>
        compilation.Files.Skip(1).FirstOrDefault() is { } target ? Location(target, 0, 0, 0, 0) : null;

    /// <summary>
    /// The key the spot's key path overrides or merges into, in the nearest base that writes it. Nothing inside a list:
    /// a list replaces the base's whole (layers are not merged item by item), so no item of it came from a base.
    /// </summary>
    private static JsonNode? Inherited(SyntaxSpot spot, SpecCompilation compilation, ISpecFileSystem files)
    {
        if (spot.Path.Any(step => step is int) || spot.Path is ["extends"]) return null;
        var keys = spot.Path.Cast<string>().ToList();
        // Each base on its own: the merged tree keeps only the value that won, and the line a base wrote is in the base's tree.
        foreach (var basePath in compilation.Files.Skip(1))
            if (files.Read(basePath).Text is { } text && YamlLoader.Load(basePath, text, []) is YMapping baseRoot && KeyAt(baseRoot, keys) is { } key)
                return Location(key.Location);
        return null;
    }

    private static YScalar? KeyAt(YMapping root, IReadOnlyList<string> keys)
    {
        YNode node = root;
        for (var i = 0; ; i++)
        {
            if (node is not YMapping mapping) return null;
            var entry = mapping.Entries.FirstOrDefault(e => e.Key.Text == keys[i]);
            if (entry.Key is null) return null;
            if (i == keys.Count - 1) return entry.Key;
            node = entry.Value;
        }
    }

    /// <summary>Where the compiled spec got the value a sweep path names (the nearest written value above it when it is a default).</summary>
    private static JsonNode? SweepTarget(string parameter, SpecCompilation compilation)
    {
        if (compilation.Spec is not { } spec || ParameterPath.Parse(parameter) is not { } path) return null;
        IEnumerable<string> paths = [""];
        var chain = new List<ParameterPath.Layers>();
        foreach (var segment in path.Segments)
        {
            paths = segment switch
            {
                ParameterPath.Key key => paths.Select(p => p.Length == 0 ? key.Name : $"{p}.{key.Name}"),
                ParameterPath.Item item => paths.Select(p => $"{p}[{item.Index}]"),
                // A layer is found by name (in a block's body, by the chain of names down to it); after it the path goes on
                // in its settings, which the binder keeps under its kind.
                ParameterPath.Layers layers => SweepLayers.Reached(spec, [.. chain, layers]).Select(l => $"{l.Path}.{l.Kind}"),
                _ => throw new UnknownKindException("sweep path segment", segment.GetType().Name, nameof(DefinitionProvider)),
            };
            if (segment is ParameterPath.Layers reached) chain.Add(reached);
        }
        var locations = paths.Select(p => spec.Sources[p]).Distinct().Select(Location).ToList();
        return locations.Count switch
        {
            0 => null,
            1 => locations[0],
            _ => new JsonArray([.. locations]),
        };
    }

    private static JsonObject Location(SourceLocation at) => Location(at.File, at.StartLine, at.StartColumn, at.EndLine, at.EndColumn);

    private static JsonObject Location(string file, int startLine, int startCharacter, int endLine, int endCharacter) => new()
    {
        ["uri"] = new Uri(file).AbsoluteUri,
        ["range"] = DiagnosticsPublisher.Range(startLine, startCharacter, endLine, endCharacter),
    };
}
