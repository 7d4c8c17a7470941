using System.Text.Json;
using System.Text.Json.Nodes;
using DeepDsl.Dsl;

namespace DeepDsl.Cli.LanguageServer;

/// <summary>
/// `deepdsl lsp`: a Language Server Protocol 3.17 server over stdio. Messages are handled one at a time, in order,
/// so every request sees the text its preceding didChange left. No handler may end the server: a request's exception
/// becomes an error response (and a line on stderr, the editor's log), a notification's only the line. The server
/// reads specs through the CLI's guarded reader and never writes a file.
/// </summary>
internal sealed class DeepDslLanguageServer
{
    private readonly MessageFraming framing;
    private readonly TextWriter log;
    private readonly OpenDocuments documents = new();
    private readonly DiagnosticsPublisher diagnostics;
    private bool initialized, shutdownRequested, watchFiles;

    public DeepDslLanguageServer(Stream input, Stream output, TextWriter log)
    {
        framing = new MessageFraming(input, output);
        diagnostics = new DiagnosticsPublisher(documents, framing);
        this.log = log;
    }

    /// <summary>Serves until `exit` or the end of the input; the exit code is 0 after a shutdown request, else 1 (as the protocol asks).</summary>
    public int Run()
    {
        while (true)
        {
            byte[]? body;
            try
            {
                body = framing.ReadBody();
            }
            catch (InvalidDataException error)
            {
                log.WriteLine($"deepdsl lsp: a message that breaks the base protocol was skipped: {error.Message}");
                continue;
            }
            if (body is null) return shutdownRequested ? 0 : 1;
            if (Handle(body) is { } exit) return exit;
        }
    }

    /// <summary>Handles one message; returns the exit code when it was `exit`.</summary>
    private int? Handle(byte[] body)
    {
        JsonObject message;
        try
        {
            message = JsonNode.Parse(body) as JsonObject ?? throw new JsonException("a message must be a JSON object");
        }
        catch (JsonException error)
        {
            log.WriteLine($"deepdsl lsp: a message that is not JSON: {error.Message}");
            framing.Write(Error(null, ResponseError.ParseError, $"not a JSON-RPC message: {error.Message}"));
            return null;
        }
        var id = message["id"]?.DeepClone();
        var method = message["method"] is JsonValue m && m.TryGetValue<string>(out var name) ? name : null;
        if (method is null)
        {
            // The client's answer to our one request (client/registerCapability): only a refusal is worth a line in the log.
            if (message.ContainsKey("result") || message.ContainsKey("error"))
            {
                if (message["error"] is JsonObject refused) log.WriteLine($"deepdsl lsp: the client refused a request: {refused["message"]}");
            }
            else if (id is not null) framing.Write(Error(id, ResponseError.InvalidRequest, "a request needs a method"));
            return null;
        }
        if (method == "exit") return shutdownRequested ? 0 : 1;
        try
        {
            var result = Dispatch(method, message["params"] as JsonObject ?? [], id is not null);
            if (id is not null) framing.Write(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["result"] = result });
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            var (code, text) = error switch
            {
                ResponseError known => (known.Code, known.Message),
                InvalidOperationException or FormatException or JsonException or KeyNotFoundException or InvalidCastException
                    => (ResponseError.InvalidParams, $"{method}: the parameters do not fit the protocol ({error.Message})"),
                _ => (ResponseError.InternalError, $"{method} failed: {error.GetType().Name}: {error.Message}"),
            };
            log.WriteLine($"deepdsl lsp: {method}: {text}");
            if (id is not null) framing.Write(Error(id, code, text));
        }
        return null;
    }

    private JsonNode? Dispatch(string method, JsonObject parameters, bool isRequest)
    {
        if (method == "initialize") return Initialize(parameters);
        if (!initialized) throw new ResponseError(ResponseError.ServerNotInitialized, $"{method} before initialize");
        if (shutdownRequested && isRequest) throw new ResponseError(ResponseError.InvalidRequest, $"{method} after shutdown");
        switch (method)
        {
            case "initialized":
                if (watchFiles) framing.Write(WatchedFiles.Registration());
                return null;
            case "workspace/didChangeWatchedFiles":
                foreach (var path in WatchedFiles.Changed(parameters)) diagnostics.ChangedOnDisk(path);
                return null;
            case "$/cancelRequest" or "$/setTrace" or "workspace/didChangeConfiguration" or "textDocument/didSave":
                return null; // nothing to do: the server keeps no settings and compiles the editor's text, saved or not
            case "shutdown":
                shutdownRequested = true;
                return null;
            case "textDocument/didOpen":
                var opened = Required(parameters, "textDocument");
                diagnostics.Changed(documents.Open(Text(opened, "uri"), opened["version"]?.GetValue<int>() ?? 0, Text(opened, "text")));
                return null;
            case "textDocument/didChange":
                var changed = Required(parameters, "textDocument");
                diagnostics.Changed(documents.Change(Text(changed, "uri"), changed["version"]?.GetValue<int>() ?? 0,
                    parameters["contentChanges"] as JsonArray ?? throw new ResponseError(ResponseError.InvalidParams, "didChange needs contentChanges")));
                return null;
            case "textDocument/didClose":
                var closed = Text(Required(parameters, "textDocument"), "uri");
                documents.Close(closed);
                diagnostics.Closed(closed);
                return null;
            case "textDocument/hover":
                var (hovered, hoverAt) = Position(parameters);
                return HoverProvider.Hover(hovered, hoverAt, () => diagnostics.Compile(hovered));
            case "textDocument/completion":
                var (completed, completeAt) = Position(parameters);
                return CompletionProvider.Complete(completed, completeAt, diagnostics.LastSpec(completed));
            case "textDocument/definition":
                var (defined, defineAt) = Position(parameters);
                return DefinitionProvider.Definition(defined, defineAt, diagnostics.Files, () => diagnostics.Compile(defined));
            case "textDocument/documentSymbol":
                return DocumentSymbols.Symbols(Document(parameters));
            case "textDocument/formatting":
                return FormattingProvider.Format(Document(parameters));
            case "textDocument/codeAction":
                var document = Document(parameters);
                var range = Required(parameters, "range");
                return QuickFixProvider.Actions(document, diagnostics.Compile(document), Line(range["start"]), Line(range["end"]));
            default:
                // Notifications the server does not know are dropped, as the protocol asks ($/ ones included).
                if (!isRequest) return null;
                throw new ResponseError(ResponseError.MethodNotFound, $"{method} is not served by deepdsl lsp");
        }
    }

    /// <summary>The capabilities: only what the server implements.</summary>
    private JsonNode Initialize(JsonObject parameters)
    {
        initialized = true;
        watchFiles = WatchedFiles.CanRegister(parameters);
        return new JsonObject
        {
            ["capabilities"] = new JsonObject
            {
                ["positionEncoding"] = "utf-16",
                ["textDocumentSync"] = new JsonObject { ["openClose"] = true, ["change"] = 2 }, // 2: Incremental
                ["hoverProvider"] = true,
                ["completionProvider"] = new JsonObject { ["triggerCharacters"] = new JsonArray(":", " ", "{", ",", "-", "[", ".") },
                ["definitionProvider"] = true,
                ["documentSymbolProvider"] = true,
                ["documentFormattingProvider"] = true,
                ["codeActionProvider"] = new JsonObject { ["codeActionKinds"] = new JsonArray("quickfix") },
            },
            ["serverInfo"] = new JsonObject { ["name"] = "deepdsl", ["version"] = typeof(SpecCompiler).Assembly.GetName().Version?.ToString() },
        };
    }

    private OpenDocument Document(JsonObject parameters) => documents.Get(Text(Required(parameters, "textDocument"), "uri"));

    private (OpenDocument Document, int Offset) Position(JsonObject parameters)
    {
        var document = Document(parameters);
        return (document, OpenDocuments.Offset(document.Text, parameters["position"]));
    }

    private static JsonObject Required(JsonObject parameters, string key) =>
        parameters[key] as JsonObject ?? throw new ResponseError(ResponseError.InvalidParams, $"{key} must be an object");

    private static int Line(JsonNode? position) =>
        position?["line"] is JsonValue line && line.TryGetValue<int>(out var value) ? value : throw new ResponseError(ResponseError.InvalidParams, "a position needs a line");

    private static string Text(JsonNode node, string key) =>
        node[key] is JsonValue value && value.TryGetValue<string>(out var text) ? text : throw new ResponseError(ResponseError.InvalidParams, $"{key} must be a string");

    private static JsonObject Error(JsonNode? id, int code, string message) => new()
    {
        ["jsonrpc"] = "2.0",
        ["id"] = id,
        ["error"] = new JsonObject { ["code"] = code, ["message"] = message },
    };
}
