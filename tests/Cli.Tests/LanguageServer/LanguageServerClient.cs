using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;

namespace DeepDsl.Cli.Tests.LanguageServer;

/// <summary>
/// An editor's side of `deepdsl lsp`: starts the built CLI's server as a process, frames messages with Content-Length
/// as the base protocol does, and reads what the server sends (responses, and the notifications before them).
/// </summary>
public sealed class LanguageServerClient : IDisposable
{
    private readonly Process process;
    private readonly Stream input, output;
    private readonly StringBuilder log = new();
    private readonly BlockingCollection<JsonObject?> received = new();
    private int nextId;

    public LanguageServerClient(string workingDirectory)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "deepdsl.dll"));
        start.ArgumentList.Add("lsp");
        process = Process.Start(start)!;
        process.ErrorDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
        process.BeginErrorReadLine();
        input = process.StandardInput.BaseStream;
        output = process.StandardOutput.BaseStream;
        // A reader thread, so that a server that never answers fails the test instead of hanging it.
        new Thread(() =>
        {
            try
            {
                while (ReadMessage() is { } message) received.Add(message);
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException or System.Text.Json.JsonException)
            {
                lock (log) log.AppendLine($"(client: {e.Message})");
            }
            received.Add(null);
        }) { IsBackground = true }.Start();
    }

    /// <summary>What the server wrote to stderr, its log.</summary>
    public string Log { get { lock (log) return log.ToString(); } }

    /// <summary>Notifications received while waiting for responses, oldest first.</summary>
    public Queue<JsonObject> Notifications { get; } = new();

    /// <summary>Sends a request and returns the whole response (result or error).</summary>
    public JsonObject Request(string method, JsonObject? parameters = null) => ResponseTo(Post(method, parameters));

    /// <summary>Sends a request without waiting for its response (<see cref="ResponseTo"/> reads it); returns its id.</summary>
    public int Post(string method, JsonObject? parameters = null)
    {
        var id = ++nextId;
        Send(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method, ["params"] = parameters ?? [] });
        return id;
    }

    public void Notify(string method, JsonObject? parameters = null) =>
        Send(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method, ["params"] = parameters ?? [] });

    public JsonObject Initialize(JsonObject? capabilities = null) =>
        Request("initialize", new JsonObject { ["processId"] = null, ["rootUri"] = null, ["capabilities"] = capabilities ?? new JsonObject() });

    /// <summary>Answers a request the server sent (client/registerCapability).</summary>
    public void Respond(JsonNode id, JsonNode? result) => Send(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id.DeepClone(), ["result"] = result });

    public void Open(string path, string text) => Notify("textDocument/didOpen", new JsonObject
    {
        ["textDocument"] = new JsonObject { ["uri"] = Uri(path), ["languageId"] = "yaml", ["version"] = 1, ["text"] = text },
    });

    /// <summary>didChange with one content change: a range and its new text (incremental), or only a text (the whole document).</summary>
    public void Change(string path, int version, JsonObject change) => Notify("textDocument/didChange", new JsonObject
    {
        ["textDocument"] = new JsonObject { ["uri"] = Uri(path), ["version"] = version },
        ["contentChanges"] = new JsonArray(change),
    });

    /// <summary>The next publishDiagnostics for <paramref name="path"/> (others are skipped).</summary>
    public JsonObject Diagnostics(string path)
    {
        while (true)
        {
            var message = Notifications.Count > 0 ? Notifications.Dequeue() : Read();
            if (message["method"]?.GetValue<string>() == "textDocument/publishDiagnostics" && message["params"]!["uri"]!.GetValue<string>() == Uri(path))
                return message["params"]!.AsObject();
        }
    }

    /// <summary>Writes bytes as they are, for messages that break the protocol.</summary>
    public void SendRaw(byte[] bytes)
    {
        input.Write(bytes);
        input.Flush();
    }

    public void SendBody(string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        SendRaw([.. Encoding.ASCII.GetBytes($"Content-Length: {bytes.Length}\r\n\r\n"), .. bytes]);
    }

    /// <summary>Waits for the server to end (after exit) and returns its exit code.</summary>
    public int WaitForExit()
    {
        if (!process.WaitForExit(TimeSpan.FromSeconds(60))) Assert.Fail("deepdsl lsp did not exit in 60 s");
        process.WaitForExit();
        return process.ExitCode;
    }

    public static string Uri(string path) => new Uri(path).AbsoluteUri;

    public static JsonObject Position(string path, int line, int character) => new()
    {
        ["textDocument"] = new JsonObject { ["uri"] = Uri(path) },
        ["position"] = new JsonObject { ["line"] = line, ["character"] = character },
    };

    public static JsonObject Range(int startLine, int startCharacter, int endLine, int endCharacter) => new()
    {
        ["start"] = new JsonObject { ["line"] = startLine, ["character"] = startCharacter },
        ["end"] = new JsonObject { ["line"] = endLine, ["character"] = endCharacter },
    };

    public JsonObject ResponseTo(int id)
    {
        while (true)
        {
            var message = Read();
            if (message["id"] is JsonValue v && v.TryGetValue<int>(out var got) && got == id && message["method"] is null) return message;
            Notifications.Enqueue(message);
        }
    }

    private void Send(JsonObject message) => SendBody(message.ToJsonString());

    /// <summary>The next message from the server; fails rather than hangs when the server ends or says nothing for a minute.</summary>
    public JsonObject Read()
    {
        if (!received.TryTake(out var message, TimeSpan.FromSeconds(60))) Assert.Fail($"deepdsl lsp sent nothing for 60 s\n--- log\n{Log}");
        if (message is null) Assert.Fail($"deepdsl lsp closed its output\n--- log\n{Log}");
        return message!;
    }

    private JsonObject? ReadMessage()
    {
        int? length = null;
        while (true)
        {
            var line = ReadLine();
            if (line is null) return null;
            if (line.Length == 0 && length is not null) break;
            if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase)) length = int.Parse(line["Content-Length:".Length..].Trim());
        }
        var body = new byte[length!.Value];
        var read = 0;
        while (read < body.Length)
        {
            var got = output.Read(body, read, body.Length - read);
            if (got == 0) return null;
            read += got;
        }
        return JsonNode.Parse(body)!.AsObject();
    }

    private string? ReadLine()
    {
        var bytes = new List<byte>();
        while (true)
        {
            var b = output.ReadByte();
            if (b < 0) return null;
            if (b == '\n') return Encoding.ASCII.GetString([.. bytes]).TrimEnd('\r');
            bytes.Add((byte)b);
        }
    }

    public void Dispose()
    {
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        process.Dispose();
    }
}
