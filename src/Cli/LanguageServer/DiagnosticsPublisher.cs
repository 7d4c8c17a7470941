using System.Text.Json.Nodes;
using DeepDsl.Dsl;
using DeepDsl.Dsl.Diagnostics;
using DeepDsl.Dsl.Model;

namespace DeepDsl.Cli.LanguageServer;

/// <summary>
/// Diagnostics as you type: compiles an open document's unsaved text through <see cref="SpecCompiler"/> with the
/// severities configured for it, as `deepdsl validate` does, and publishes each DDSL diagnostic at validate's line and
/// column (0-based here). One that lies in a base file is shown at the start of the document,
/// with its file and line in the message: the protocol publishes per document.
/// </summary>
internal sealed class DiagnosticsPublisher(OpenDocuments documents, MessageFraming framing)
{
    /// <summary>What the compilations read: the open documents over the project's files.</summary>
    public OverlayFileSystem Files { get; } = new(documents);

    /// <summary>Re-checks <paramref name="changed"/> and every open document that extends it or lacked a base.</summary>
    public void Changed(OpenDocument changed)
    {
        Publish(changed);
        RecheckDependents(changed.Path);
    }

    /// <summary>A closed document is read from the disk again: the open documents that extend it are re-checked against that.</summary>
    public void Closed(string uri)
    {
        var path = OpenDocuments.PathOf(uri);
        compiled.Remove(path);
        lastSpec.Remove(path);
        framing.Write(Notification(uri, []));
        RecheckDependents(path);
    }

    /// <summary>
    /// A file changed on disk (the client's file watcher): the open documents that read it, or lacked a base, are
    /// re-checked; all of them when it sets severities. An open file's text is the editor's, whatever the disk holds.
    /// </summary>
    public void ChangedOnDisk(string path)
    {
        if (documents.ByPath(path) is not null) return;
        if (WatchedFiles.IsSeverityConfiguration(path))
            foreach (var open in documents.All.ToList()) Publish(open);
        else RecheckDependents(path);
    }

    // Read off each open document's last compilation: its chain (itself and its bases) says which files it read, and a
    // base not found (or no spec) may be what a new or changed file supplies.
    private void RecheckDependents(string path)
    {
        foreach (var other in documents.All.Where(d => d.Path != path).ToList())
            if (compiled.TryGetValue(other.Path, out var last) && (LacksABase(last.Compilation) || last.Compilation.Files.Contains(path))) Publish(other);
    }

    private static bool LacksABase(SpecCompilation compilation) => compilation.Diagnostics.Any(d => d.Id == Descriptors.ExtendsNotFound.Id);

    // The last compilation of each open document, for the requests that need one (hover, codeAction, definition).
    // Every change that can change it — of the document, of an open base, of a base or severity file on disk that the
    // client reports, a close — publishes the document again, which compiles afresh and replaces it; so an entry of the
    // document's current text and version is current. (A base changed on disk that no client reports is not seen until
    // the next edit, as with the diagnostics.)
    private readonly Dictionary<string, (OpenDocument Document, SpecCompilation Compilation)> compiled = new(StringComparer.Ordinal);

    /// <summary>The document's compilation: the last one when nothing it reads has changed since, else a fresh one.</summary>
    public SpecCompilation Compile(OpenDocument document) =>
        compiled.TryGetValue(document.Path, out var last) && last.Document == document ? last.Compilation : Fresh(document);

    // The last spec each open document compiled to, kept while it is being typed into (a half-typed line rarely compiles).
    private readonly Dictionary<string, ExperimentSpec> lastSpec = new(StringComparer.Ordinal);

    /// <summary>The last spec the document compiled to without errors, maybe of an earlier text; null when it never did.</summary>
    public ExperimentSpec? LastSpec(OpenDocument document)
    {
        Compile(document);
        return lastSpec.GetValueOrDefault(document.Path);
    }

    private SpecCompilation Fresh(OpenDocument document)
    {
        var compilation = SpecCompiler.CompileWithConfiguredSeverities(document.Path, Files);
        compiled[document.Path] = (document, compilation);
        if (compilation.Spec is { } spec) lastSpec[document.Path] = spec;
        return compilation;
    }

    private void Publish(OpenDocument document)
    {
        var compilation = Fresh(document);
        framing.Write(Notification(document.Uri, compilation.Diagnostics.Select(d => ToLsp(d, document)).ToArray(), document.Version));
    }

    public static JsonObject ToLsp(DslDiagnostic diagnostic, OpenDocument document)
    {
        var here = diagnostic.Location.File == document.Path;
        var location = diagnostic.Location;
        var lsp = new JsonObject
        {
            ["range"] = here ? Range(location.StartLine, location.StartColumn, location.EndLine, location.EndColumn) : Range(0, 0, 0, 0),
            ["severity"] = Severity(diagnostic.Severity),
            ["code"] = diagnostic.Id,
            ["source"] = "deepdsl",
            ["message"] = here ? diagnostic.Message : $"{location}: {diagnostic.Message}",
        };
        if (DiagnosticPageLinks.For(diagnostic.Id) is { } href) lsp["codeDescription"] = new JsonObject { ["href"] = href };
        return lsp;
    }

    public static JsonObject Range(int startLine, int startCharacter, int endLine, int endCharacter) => new()
    {
        ["start"] = new JsonObject { ["line"] = startLine, ["character"] = startCharacter },
        ["end"] = new JsonObject { ["line"] = endLine, ["character"] = endCharacter },
    };

    // LSP: 1 error, 2 warning, 3 information, 4 hint. None never reaches here (the compiler drops it).
    private static int Severity(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => 1,
        DiagnosticSeverity.Warning => 2,
        DiagnosticSeverity.Info => 3,
        DiagnosticSeverity.Hidden or DiagnosticSeverity.None => 4,
        _ => throw new ArgumentOutOfRangeException(nameof(severity), severity, "a severity the protocol has no place for"),
    };

    private static JsonObject Notification(string uri, JsonNode?[] diagnostics, int? version = null)
    {
        var parameters = new JsonObject { ["uri"] = uri, ["diagnostics"] = new JsonArray(diagnostics) };
        if (version is { } v) parameters["version"] = v;
        return new JsonObject { ["jsonrpc"] = "2.0", ["method"] = "textDocument/publishDiagnostics", ["params"] = parameters };
    }
}
