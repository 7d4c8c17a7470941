using System.Diagnostics;

namespace DeepDsl.Cli.Tests.LanguageServer;

/// <summary>
/// A real editor as the client: Neovim (Debian's, headless), set up with the README's snippet, opens a spec with a
/// SELU layer initialized with he_normal, receives DDSL101 at its line and column, applies the server's quick fix and
/// saves; the saved file then validates. scripts/setup.sh installs Neovim for the suite.
/// </summary>
public sealed class NeovimClientTests : IDisposable
{
    // Waits for the diagnostics, records them, asks for the code actions on the first one, applies them, saves, and
    // waits for the diagnostics to clear; each step's result goes to a file the test reads.
    private const string Check = """
        local out = assert(io.open(vim.env.DEEPDSL_NVIM_RESULT, "w"))
        local function say(line) out:write(line, "\n"); out:flush() end
        local buf = vim.api.nvim_get_current_buf()
        if not vim.wait(60000, function() return #vim.diagnostic.get(buf) > 0 end, 50) then say("no diagnostics"); out:close(); vim.cmd("qa!") end
        for _, d in ipairs(vim.diagnostic.get(buf)) do
          local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
          say(string.format("diagnostic %s %d:%d-%d:%d", tostring(code), d.lnum, d.col, d.end_lnum, d.end_col))
        end
        local d = vim.diagnostic.get(buf)[1]
        local params = { textDocument = vim.lsp.util.make_text_document_params(),
          range = { start = { line = d.lnum, character = d.col }, ["end"] = { line = d.end_lnum, character = d.end_col } },
          context = { diagnostics = {} } }
        for _, response in pairs(vim.lsp.buf_request_sync(buf, "textDocument/codeAction", params, 60000) or {}) do
          for _, action in ipairs(response.result or {}) do
            say("action " .. action.title)
            vim.lsp.util.apply_workspace_edit(action.edit, "utf-16")
          end
        end
        vim.cmd("write")
        if vim.wait(60000, function() return #vim.diagnostic.get(buf) == 0 end, 50) then say("cleared") else say("diagnostics stayed") end
        out:close()
        vim.cmd("qa!")
        """;

    private const string Spec = SeluSpecs.WithHeNormal;

    private readonly string project = Directory.CreateTempSubdirectory("deepdsl-nvim-").FullName;

    public void Dispose() => Directory.Delete(project, recursive: true);

    [Fact]
    public void Neovim_gets_DDSL101_at_its_place_and_its_quick_fix_makes_the_spec_valid()
    {
        Directory.CreateDirectory(Path.Combine(project, ".git"));
        var spec = Path.Combine(project, "selu.yaml");
        File.WriteAllText(spec, Spec);
        File.WriteAllText(Path.Combine(project, "init.lua"), ReadmeSnippet());
        File.WriteAllText(Path.Combine(project, "check.lua"), Check);
        // `deepdsl` on the PATH, as the README's snippet expects it: the CLI under test.
        var bin = Directory.CreateDirectory(Path.Combine(project, "bin")).FullName;
        var command = Path.Combine(bin, "deepdsl");
        File.WriteAllText(command, $"#!/bin/sh\nexec dotnet '{Path.Combine(AppContext.BaseDirectory, "deepdsl.dll")}' \"$@\"\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(command, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        var start = new ProcessStartInfo("nvim") { WorkingDirectory = project };
        foreach (var argument in new[] { "--headless", "-u", "init.lua", "-c", "luafile check.lua", "selu.yaml" }) start.ArgumentList.Add(argument);
        start.Environment["PATH"] = bin + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH");
        start.Environment["DEEPDSL_NVIM_RESULT"] = Path.Combine(project, "result.txt");
        start.Environment["XDG_STATE_HOME"] = start.Environment["XDG_DATA_HOME"] = start.Environment["XDG_CACHE_HOME"] = Path.Combine(project, "xdg");
        var run = DeepDslProcess.Run(start, "nvim --headless", 180);
        Assert.True(run.Exit == 0, run.ToString());

        Assert.Equal(["diagnostic DDSL101 5:56-5:65", "action Use kernel_init: lecun_normal", "cleared"], File.ReadAllLines(Path.Combine(project, "result.txt")));
        Assert.Equal(Spec.Replace("kernel_init: he_normal } # keep me", "kernel_init: lecun_normal } # keep me"), File.ReadAllText(spec));
        var validate = DeepDslProcess.Run(project, "validate", "selu.yaml");
        Assert.True(validate.Exit == 0, validate.ToString());
    }

    /// <summary>The Neovim set-up the README gives, so what users copy is what is tested.</summary>
    private static string ReadmeSnippet()
    {
        var readme = File.ReadAllText(Path.Combine(Repository.Root, "README.md"));
        var start = readme.IndexOf("```lua\nlocal deepdsl", StringComparison.Ordinal);
        Assert.True(start >= 0, "README.md has no Neovim snippet");
        start += "```lua\n".Length;
        return readme[start..readme.IndexOf("```", start, StringComparison.Ordinal)];
    }
}
