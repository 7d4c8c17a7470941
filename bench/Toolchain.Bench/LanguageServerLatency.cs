using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;

namespace DeepDsl.Bench;

/// <summary>
/// Issue 22's target: diagnostics within 50 ms of an edit. Starts `deepdsl lsp` as an editor does (the built CLI, over
/// stdio), opens the exercise specs unsaved, and for each spec types a character into its description and deletes it
/// again, again and again: the time from writing the didChange to reading the spec's publishDiagnostics of that
/// version, and to the last diagnostics of the documents that extend it (re-checked too). Warm-up edits are not counted.
/// </summary>
internal sealed class LanguageServerLatency(string serverDll, string projectRoot) : IDisposable
{
    private readonly Process process = Process.Start(new ProcessStartInfo("dotnet", [serverDll, "lsp"])
    {
        WorkingDirectory = projectRoot, RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
    })!;
    private int nextId;

    /// <summary>Measures <paramref name="edits"/> counted edits (after <paramref name="warmUp"/>) of each spec; one line per spec.</summary>
    public IEnumerable<string> Measure(IReadOnlyDictionary<string, string> specs, int warmUp, int edits)
    {
        process.ErrorDataReceived += (_, _) => { }; // the server's log: drained, not shown
        process.BeginErrorReadLine();
        Request("initialize", new JsonObject { ["processId"] = null, ["rootUri"] = null, ["capabilities"] = new JsonObject() });
        Send(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = "initialized", ["params"] = new JsonObject() });
        foreach (var (path, text) in specs)
            Send(Notification("textDocument/didOpen", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = Uri(path), ["languageId"] = "yaml", ["version"] = 1, ["text"] = text } }));
        Request("textDocument/documentSymbol", Document(specs.Keys.First()));

        foreach (var (path, text) in specs.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            // Inside the description's quotes: a character typed there changes the spec (and its hash) and breaks nothing.
            var line = text.Split('\n').Select((l, i) => (l, i)).First(l => l.l.StartsWith("description: \"", StringComparison.Ordinal));
            var at = line.l.LastIndexOf('"');
            var own = new List<double>();
            var all = new List<double>();
            var version = 1;
            for (var i = 0; i < warmUp + edits; i++)
            {
                var typing = i % 2 == 0;
                var change = new JsonObject
                {
                    ["range"] = Range(line.i, at, line.i, typing ? at : at + 1),
                    ["text"] = typing ? "x" : "",
                };
                var clock = Stopwatch.StartNew();
                Send(Notification("textDocument/didChange", new JsonObject
                {
                    ["textDocument"] = new JsonObject { ["uri"] = Uri(path), ["version"] = ++version },
                    ["contentChanges"] = new JsonArray(change),
                }));
                while (Read() is var message && !(IsDiagnostics(message, path) && message["params"]!["version"]!.GetValue<int>() == version)) { }
                var ownMs = clock.Elapsed.TotalMilliseconds;
                // The dependents are published before the answer to a request sent after the change: the last of them is read by then.
                var lastMs = ownMs;
                var id = Post("textDocument/documentSymbol", Document(path));
                for (var message = Read(); message["id"]?.GetValue<int>() != id; message = Read())
                    if (message["method"]?.GetValue<string>() == "textDocument/publishDiagnostics") lastMs = clock.Elapsed.TotalMilliseconds;
                if (i < warmUp) continue;
                own.Add(ownMs);
                all.Add(lastMs);
            }
            yield return $"lsp {Path.GetFileName(path),-19} median_ms={Quantile(own, 0.5):F1} p95_ms={Quantile(own, 0.95):F1} " +
                $"with_dependents_median_ms={Quantile(all, 0.5):F1} p95_ms={Quantile(all, 0.95):F1} (n={edits})";
            yield return Requests(path, text, warmUp, edits);
        }
        Request("shutdown", null);
        Send(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = "exit" });
    }

    /// <summary>
    /// Hover on the spec's first layer and codeAction over the whole spec, with no edit between them: each needs the
    /// spec's compilation (the layer's shape, the diagnostics to fix), so this is the time to get one when nothing changed.
    /// </summary>
    private string Requests(string path, string text, int warmUp, int count)
    {
        var lines = text.Split('\n');
        var layer = Array.FindIndex(lines, l => l.TrimStart().StartsWith("- ", StringComparison.Ordinal) && char.IsLetter(l.TrimStart()[2]));
        var hover = new List<double>();
        var action = new List<double>();
        for (var i = 0; i < warmUp + count; i++)
        {
            var clock = Stopwatch.StartNew();
            if (layer >= 0)
            {
                var at = Document(path);
                at["position"] = new JsonObject { ["line"] = layer, ["character"] = lines[layer].IndexOf('-') + 3 };
                Request("textDocument/hover", at);
                if (i >= warmUp) hover.Add(clock.Elapsed.TotalMilliseconds);
            }
            clock.Restart();
            var whole = Document(path);
            whole["range"] = Range(0, 0, lines.Length, 0);
            whole["context"] = new JsonObject { ["diagnostics"] = new JsonArray() };
            Request("textDocument/codeAction", whole);
            if (i >= warmUp) action.Add(clock.Elapsed.TotalMilliseconds);
        }
        var hoverText = hover.Count == 0 ? "hover (no layer)" : $"hover_median_ms={Quantile(hover, 0.5):F2} p95_ms={Quantile(hover, 0.95):F2}";
        return $"lsp {Path.GetFileName(path),-19} {hoverText} codeAction_median_ms={Quantile(action, 0.5):F2} p95_ms={Quantile(action, 0.95):F2} (n={count})";
    }

    private static double Quantile(List<double> values, double q)
    {
        var sorted = values.Order().ToList();
        return sorted[(int)Math.Ceiling(q * sorted.Count) - 1];
    }

    private static bool IsDiagnostics(JsonObject message, string path) =>
        message["method"]?.GetValue<string>() == "textDocument/publishDiagnostics" && message["params"]!["uri"]!.GetValue<string>() == Uri(path);

    private void Request(string method, JsonObject? parameters)
    {
        var id = Post(method, parameters);
        while (Read()["id"]?.GetValue<int>() != id) { }
    }

    private int Post(string method, JsonObject? parameters)
    {
        var id = ++nextId;
        Send(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method, ["params"] = parameters ?? [] });
        return id;
    }

    private static JsonObject Notification(string method, JsonObject parameters) => new() { ["jsonrpc"] = "2.0", ["method"] = method, ["params"] = parameters };

    private static JsonObject Document(string path) => new() { ["textDocument"] = new JsonObject { ["uri"] = Uri(path) } };

    private static JsonObject Range(int startLine, int startCharacter, int endLine, int endCharacter) => new()
    {
        ["start"] = new JsonObject { ["line"] = startLine, ["character"] = startCharacter },
        ["end"] = new JsonObject { ["line"] = endLine, ["character"] = endCharacter },
    };

    private static string Uri(string path) => new Uri(path).AbsoluteUri;

    private void Send(JsonObject message)
    {
        var body = Encoding.UTF8.GetBytes(message.ToJsonString());
        var input = process.StandardInput.BaseStream;
        input.Write(Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n"));
        input.Write(body);
        input.Flush();
    }

    private JsonObject Read()
    {
        var output = process.StandardOutput.BaseStream;
        var length = -1;
        for (var line = Line(output); line.Length > 0 || length < 0; line = Line(output))
            if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase)) length = int.Parse(line["Content-Length:".Length..].Trim());
        var body = new byte[length];
        output.ReadExactly(body);
        return JsonNode.Parse(body)!.AsObject();
    }

    private static string Line(Stream output)
    {
        var bytes = new List<byte>();
        for (var b = output.ReadByte(); b != '\n'; b = output.ReadByte())
            bytes.Add(b >= 0 ? (byte)b : throw new EndOfStreamException("deepdsl lsp closed its output"));
        return Encoding.ASCII.GetString([.. bytes]).TrimEnd('\r');
    }

    public void Dispose()
    {
        if (!process.WaitForExit(TimeSpan.FromSeconds(10))) process.Kill(entireProcessTree: true);
        process.Dispose();
    }
}
