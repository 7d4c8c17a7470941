using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json.Nodes;

namespace DeepDsl.Cli.Tests.LanguageServer;

/// <summary>
/// The VS Code extension builds as from a clean clone: editors/vscode's committed files (not its node_modules or
/// outputs) and the language's schema, copied to a new folder, built by build.sh with npm (scripts/setup.sh installs
/// npm for the suite); the .vsix is a zip holding the manifest, the compiled entry point it names, the language
/// client it loads and the schema its yamlValidation points at.
/// </summary>
public sealed class VsCodeExtensionTests : IDisposable
{
    private readonly string clone = Directory.CreateTempSubdirectory("deepdsl-vscode-").FullName;

    public void Dispose() => Directory.Delete(clone, recursive: true);

    [Fact]
    public void Build_sh_packages_a_vsix_with_the_manifest_the_entry_point_and_the_schema()
    {
        var source = Path.Combine(Repository.Root, "editors", "vscode");
        var extension = Path.Combine(clone, "editors", "vscode");
        foreach (var file in Committed(source))
        {
            var target = Path.Combine(extension, file);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(Path.Combine(source, file), target);
        }
        Directory.CreateDirectory(Path.Combine(clone, "schema"));
        File.Copy(Path.Combine(Repository.Root, "schema", "deepdsl.schema.json"), Path.Combine(clone, "schema", "deepdsl.schema.json"));
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(Path.Combine(extension, "build.sh"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        var build = DeepDslProcess.Run(new ProcessStartInfo("bash", ["build.sh"]) { WorkingDirectory = extension }, "editors/vscode/build.sh", 600);
        Assert.True(build.Exit == 0, build.ToString());

        using var vsix = ZipFile.OpenRead(Path.Combine(extension, "deepdsl.vsix"));
        var entries = vsix.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
        var manifest = JsonNode.Parse(Read(vsix, "extension/package.json"))!;
        var main = manifest["main"]!.GetValue<string>();
        Assert.Equal("./out/extension.js", main);
        Assert.Contains("extension/out/extension.js", entries);
        Assert.Contains("\"lsp\"", Read(vsix, "extension/out/extension.js"));
        Assert.Contains("extension/node_modules/vscode-languageclient/node.js", entries);
        var schema = manifest["contributes"]!["yamlValidation"]![0]!["url"]!.GetValue<string>();
        Assert.Equal(File.ReadAllText(Path.Combine(Repository.Root, "schema", "deepdsl.schema.json")), Read(vsix, "extension/" + schema.TrimStart('.', '/')));
        Assert.Equal("deepdsl", manifest["contributes"]!["configuration"]!["properties"]!["deepdsl.server.path"]!["default"]!.GetValue<string>());
    }

    private static string Read(ZipArchive zip, string entry)
    {
        var found = zip.GetEntry(entry);
        Assert.True(found is not null, $"the .vsix has no {entry}");
        using var reader = new StreamReader(found.Open());
        return reader.ReadToEnd();
    }

    /// <summary>The files of <paramref name="folder"/> that git tracks, relative to it: what a clean clone has.</summary>
    private static IEnumerable<string> Committed(string folder)
    {
        var files = DeepDslProcess.Run(new ProcessStartInfo("git", ["ls-files", "-z", "."]) { WorkingDirectory = folder }, "git ls-files", 60);
        Assert.True(files.Exit == 0, files.ToString());
        var listed = files.Output.Split('\0', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("package-lock.json", listed);
        return listed;
    }
}
