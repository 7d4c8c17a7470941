using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;

namespace DeepDsl.Packaging.Tests;

/// <summary>
/// The installed tool's language server links each diagnostic to its page (issue 22): the link is a file in the tool's
/// own installation, since there is no checkout beside an installed tool.
/// </summary>
[Collection(PackageFeedCollection.Name)]
public sealed class ToolHelpLinkTests(PackageFeed feed)
{
    [Fact]
    public void The_installed_tool_s_language_server_links_DDSL101_to_its_page_inside_the_installation()
    {
        var folder = Directory.CreateDirectory(Path.Combine(feed.Root, "help-links")).FullName;
        var spec = Path.Combine(folder, "invalid-selu.yaml");
        var start = new ProcessStartInfo(feed.Tool, "lsp") { WorkingDirectory = folder, RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (name, value) in feed.Environment) start.Environment[name] = value;
        using var server = Process.Start(start)!;
        server.ErrorDataReceived += (_, _) => { };
        server.BeginErrorReadLine();
        var input = server.StandardInput.BaseStream;
        foreach (var message in new JsonObject[]
        {
            new() { ["jsonrpc"] = "2.0", ["id"] = 1, ["method"] = "initialize", ["params"] = new JsonObject { ["processId"] = null, ["rootUri"] = null, ["capabilities"] = new JsonObject() } },
            new()
            {
                ["jsonrpc"] = "2.0", ["method"] = "textDocument/didOpen",
                ["params"] = new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = new Uri(spec).AbsoluteUri, ["languageId"] = "yaml", ["version"] = 1, ["text"] = Specs.InvalidSelu } },
            },
            new() { ["jsonrpc"] = "2.0", ["id"] = 2, ["method"] = "shutdown" },
            new() { ["jsonrpc"] = "2.0", ["method"] = "exit" },
        })
        {
            var body = Encoding.UTF8.GetBytes(message.ToJsonString());
            input.Write([.. Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n"), .. body]);
        }
        input.Close();
        // The server answers in order and ends at exit: everything it said is on its output by then.
        var output = new MemoryStream();
        server.StandardOutput.BaseStream.CopyTo(output);
        Assert.True(server.WaitForExit(TimeSpan.FromSeconds(60)), "deepdsl lsp did not end after exit");

        var published = Bodies(output.ToArray()).Single(m => m["method"]?.GetValue<string>() == "textDocument/publishDiagnostics");
        var diagnostic = published["params"]!["diagnostics"]!.AsArray().Single(d => d!["code"]!.GetValue<string>() == "DDSL101")!;
        var page = new Uri(diagnostic["codeDescription"]!["href"]!.GetValue<string>()).LocalPath;
        Assert.StartsWith(Path.GetDirectoryName(feed.Tool)! + Path.DirectorySeparatorChar, page); // in the installation, not the checkout
        Assert.StartsWith("# DDSL101: SELU needs LeCun-normal initialization", File.ReadAllText(page));
    }

    /// <summary>The JSON bodies of the base protocol's frames (a Content-Length header, a blank line, the body).</summary>
    private static IEnumerable<JsonObject> Bodies(byte[] frames)
    {
        const string Header = "Content-Length: ";
        for (var at = 0; at < frames.Length;)
        {
            var text = Encoding.ASCII.GetString(frames, at, Math.Min(64, frames.Length - at));
            Assert.StartsWith(Header, text);
            var headerEnd = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            var length = int.Parse(text[Header.Length..headerEnd]);
            yield return JsonNode.Parse(frames.AsSpan(at + headerEnd + 4, length))!.AsObject();
            at += headerEnd + 4 + length;
        }
    }
}
