using System.Text;
using System.Text.Json.Nodes;
using DeepDsl.Dsl.Diagnostics;

namespace DeepDsl.Cli.Tests.LanguageServer;

/// <summary>
/// Issue 22's fuzz: one `deepdsl lsp` process with the CIFAR-10 exercise specs open (bases included), 10,000 seeded
/// random incremental edits, and after every one the diagnostics the server has published for every open document
/// equal what `deepdsl validate` reports for the same texts — compiled in-process as validate compiles them
/// (<see cref="Cli.Specs.SpecFiles.Compile"/>, the CLI's disk reader, with the texts saved to a copy of the project). A stale
/// diagnostic (a dependent not re-checked, a change applied at the wrong place) or a crash fails the step it happens at;
/// at the end the project holds only what the test wrote (the server writes nothing).
/// </summary>
public sealed class LanguageServerFuzzTests : IDisposable
{
    private const int Seed = 2022;
    private const int Steps = 10_000;
    private const int Batch = 25; // steps sent before their answers are read: the server and the test's compiles overlap

    private readonly string project = Directory.CreateTempSubdirectory("deepdsl-lsp-fuzz-").FullName;
    private readonly Dictionary<string, string> originals = [];

    public LanguageServerFuzzTests()
    {
        Directory.CreateDirectory(Path.Combine(project, ".git")); // the project the specs' `extends` may reach
        foreach (var spec in Directory.EnumerateFiles(Path.Combine(Repository.Root, "experiments", "cifar10"), "*.yaml"))
        {
            var copy = Path.Combine(project, Path.GetFileName(spec));
            File.Copy(spec, copy);
            originals[copy] = File.ReadAllText(copy);
        }
    }

    public void Dispose() => Directory.Delete(project, recursive: true);

    [Fact]
    public void Ten_thousand_random_edits_never_crash_the_server_nor_leave_stale_diagnostics()
    {
        using var server = new LanguageServerClient(project);
        server.Initialize();
        server.Notify("initialized");
        var versions = originals.Keys.ToDictionary(p => p, _ => 1);
        var published = new Dictionary<string, string[]>();
        foreach (var (path, text) in originals) server.Open(path, text);
        Answered(server, server.Post("textDocument/documentSymbol", Document(originals.Keys.First())), published, versions);
        Assert.Equal(Expected(), published);

        var edits = new RandomEdits(Seed, originals);
        var codes = new SortedSet<string>(StringComparer.Ordinal);
        for (var done = 0; done < Steps; done += Batch)
        {
            var sent = new List<(int Id, RandomEdits.Edit Edit, Dictionary<string, int> Versions, Dictionary<string, string[]> Expected, Dictionary<string, string> Texts)>();
            for (var step = done; step < done + Batch; step++)
            {
                // Mostly one content change per didChange, as editors send while typing; every seventh step two, applied in order.
                var path = edits.Pick();
                var changes = new JsonArray();
                RandomEdits.Edit edit = null!;
                for (var c = step % 7 == 3 ? 2 : 1; c > 0; c--)
                {
                    var before = edits.Text(path);
                    edit = edits.NextOf(path);
                    changes.Add(new JsonObject { ["range"] = Range(before, edit.Start, edit.Start + edit.Length), ["text"] = edit.Text });
                }
                File.WriteAllText(path, edits.Text(path), new UTF8Encoding(false)); // what validate will read
                server.Notify("textDocument/didChange", new JsonObject
                {
                    ["textDocument"] = new JsonObject { ["uri"] = LanguageServerClient.Uri(path), ["version"] = ++versions[path] },
                    ["contentChanges"] = changes,
                });
                sent.Add((server.Post("textDocument/documentSymbol", Document(path)), edit, new(versions), Expected(), originals.Keys.ToDictionary(p => p, edits.Text)));
            }
            for (var i = 0; i < sent.Count; i++)
            {
                var (id, edit, stepVersions, expected, texts) = sent[i];
                Answered(server, id, published, stepVersions);
                if (!expected.All(e => published.TryGetValue(e.Key, out var got) && got.SequenceEqual(e.Value)))
                    Assert.Fail(Difference(done + i, edit, expected, published, texts) + $"--- the server's log\n{server.Log}");
                foreach (var line in expected.Values.SelectMany(e => e)) codes.Add(line[..line.IndexOf(' ')]);
            }
        }
        // The edits reached the parser, extends (missing, cyclic, outside the project) and the SELU rules, not only broken YAML.
        Assert.Empty(new[] { "DDSL001", "DDSL009", "DDSL010", "DDSL017", "DDSL101", "DDSL102" }.Except(codes));
        Assert.Null(server.Request("shutdown")["error"]);
        server.Notify("exit");
        Assert.Equal(0, server.WaitForExit());

        // The server never writes a file: the project holds what the test wrote and nothing else (no temp file, no output).
        Assert.Equal(
            originals.Keys.Select(p => (Path.GetRelativePath(project, p), edits.Text(p))).Append((".git", "")).OrderBy(e => e.Item1, StringComparer.Ordinal),
            Directory.EnumerateFileSystemEntries(project, "*", SearchOption.AllDirectories)
                .Select(p => (Path.GetRelativePath(project, p), File.Exists(p) ? File.ReadAllText(p) : "")).OrderBy(e => e.Item1, StringComparer.Ordinal));
    }

    /// <summary>Reads up to the response <paramref name="id"/>, which must not be an error, and records the diagnostics published before it.</summary>
    private static void Answered(LanguageServerClient server, int id, Dictionary<string, string[]> published, Dictionary<string, int> versions)
    {
        var response = server.ResponseTo(id);
        if (response["error"] is { } error) Assert.Fail($"documentSymbol failed: {error.ToJsonString()}\n--- log\n{server.Log}");
        while (server.Notifications.TryDequeue(out var message))
        {
            if (message["method"]?.GetValue<string>() != "textDocument/publishDiagnostics") continue;
            var parameters = message["params"]!;
            var path = new Uri(parameters["uri"]!.GetValue<string>()).LocalPath;
            Assert.Equal(versions[path], parameters["version"]!.GetValue<int>());
            published[path] = parameters["diagnostics"]!.AsArray().Select(d => Line(d!)).ToArray();
        }
    }

    /// <summary>What validate reports for each spec's current text, in the form the server publishes it.</summary>
    private Dictionary<string, string[]> Expected() => originals.Keys.ToDictionary(path => path, path =>
        Cli.Specs.SpecFiles.Compile(path).Diagnostics.Select(d => Line(d, path)).ToArray());

    // One of validate's diagnostics as the server maps it to the protocol (the mapping's own ranges are the protocol tests').
    private static string Line(DslDiagnostic d, string document) =>
        Line(Cli.LanguageServer.DiagnosticsPublisher.ToLsp(d, new Cli.LanguageServer.OpenDocument(LanguageServerClient.Uri(document), document, 0, "")));

    private static string Line(JsonNode d)
    {
        var r = d["range"]!;
        return $"{d["code"]} {d["severity"]} {r["start"]!["line"]}:{r["start"]!["character"]}-{r["end"]!["line"]}:{r["end"]!["character"]} {d["message"]}";
    }

    private static JsonObject Document(string path) => new() { ["textDocument"] = new JsonObject { ["uri"] = LanguageServerClient.Uri(path) } };

    // An LSP range of offsets into `text`: a line ends at \n, \r\n or \r (as the protocol says), characters are UTF-16 units.
    private static JsonObject Range(string text, int start, int end)
    {
        static JsonObject At(string text, int offset)
        {
            int line = 0, lineStart = 0;
            for (var i = 0; i < offset; i++)
            {
                if (text[i] == '\r' && i + 1 < offset && text[i + 1] == '\n') i++; // one break (the edits never split one)
                if (text[i] is not ('\n' or '\r')) continue;
                line++;
                lineStart = i + 1;
            }
            return new JsonObject { ["line"] = line, ["character"] = offset - lineStart };
        }
        return new JsonObject { ["start"] = At(text, start), ["end"] = At(text, end) };
    }

    private static string Difference(int step, RandomEdits.Edit edit, Dictionary<string, string[]> expected, Dictionary<string, string[]> published, Dictionary<string, string> texts)
    {
        var report = new StringBuilder($"step {step} (seed {Seed}): (last) edit of {Path.GetFileName(edit.Path)} at {edit.Start}, {edit.Length} characters replaced by {System.Text.Json.JsonSerializer.Serialize(edit.Text)}\n");
        foreach (var (path, lines) in expected.Where(e => !published.TryGetValue(e.Key, out var got) || !got.SequenceEqual(e.Value)))
            report.Append($"--- {Path.GetFileName(path)}: validate says\n{string.Join("\n", lines)}\n--- the server\n{string.Join("\n", published.GetValueOrDefault(path, []))}\n");
        foreach (var (path, text) in texts) report.Append($"--- {Path.GetFileName(path)}\n{text}\n");
        return report.ToString();
    }
}
