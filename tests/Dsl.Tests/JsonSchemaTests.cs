using System.Diagnostics;
using DeepDsl.Dsl.Schema;
using DeepDsl.Dsl.Syntax;

namespace DeepDsl.Dsl.Tests;

/// <summary>
/// The committed schema/deepdsl.schema.json is the one generated from the language's schema model, and a
/// real JSON Schema validator (ajv, draft 2020-12; ./test.sh installs it under artifacts/node-tools)
/// accepts every example experiment and rejects a spec with an unknown key.
/// </summary>
public sealed class JsonSchemaTests
{
    private static readonly string Root = Repository.Root;

    [Fact]
    public void The_committed_schema_is_generated_from_the_language()
    {
        var committed = File.ReadAllText(Path.Combine(Root, "schema", "deepdsl.schema.json"));
        Assert.True(committed == JsonSchemaWriter.Write(), "schema/deepdsl.schema.json is stale: run ./deepdsl schema --out schema/deepdsl.schema.json");
    }

    [Fact]
    public void Ajv_accepts_every_example_and_rejects_an_unknown_key()
    {
        var folder = Directory.CreateTempSubdirectory("deepdsl-schema-").FullName;
        foreach (var spec in Directory.GetFiles(Path.Combine(Root, "experiments", "cifar10"), "*.yaml"))
            File.WriteAllText(Path.Combine(folder, "ok-" + Path.GetFileNameWithoutExtension(spec) + ".json"), Json(File.ReadAllText(spec)));
        File.WriteAllText(Path.Combine(folder, "bad-unknown-key.json"),
            Json(File.ReadAllText(Path.Combine(Root, "experiments", "cifar10", "base.yaml")).Replace("  epochs: 100", "  epochs: 100\n  epoch: 3")));
        var output = RunAjv(folder);
        foreach (var file in Directory.GetFiles(folder, "*.json"))
        {
            var name = Path.GetFileName(file);
            Assert.Contains(name.StartsWith("ok-", StringComparison.Ordinal) ? $"valid {name}" : $"invalid {name}", output);
        }
    }

    private static string Json(string yaml)
    {
        var diagnostics = new List<DeepDsl.Dsl.Diagnostics.DslDiagnostic>();
        return YamlJson.Write(YamlLoader.Load("spec.yaml", yaml, diagnostics));
    }

    private static string RunAjv(string folder)
    {
        var tools = Path.Combine(Root, "artifacts", "node-tools");
        Assert.True(Directory.Exists(Path.Combine(tools, "node_modules", "ajv")), $"ajv is not installed in {tools}: run ./test.sh, which installs it");
        var script = Path.Combine(folder, "check.js");
        File.WriteAllText(script, """
            const [tools, schemaPath, folder] = process.argv.slice(2);
            const Ajv2020 = require(tools + "/node_modules/ajv/dist/2020").default;
            const fs = require("fs");
            const validate = new Ajv2020({ strict: false }).compile(JSON.parse(fs.readFileSync(schemaPath, "utf8")));
            for (const f of fs.readdirSync(folder).filter(f => f.endsWith(".json")))
              console.log((validate(JSON.parse(fs.readFileSync(folder + "/" + f, "utf8"))) ? "valid " : "invalid ") + f);
            """);
        var start = new ProcessStartInfo("node", [script, tools, Path.Combine(Root, "schema", "deepdsl.schema.json"), folder]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, output);
        return output;
    }

}

public sealed class LanguageReferenceTests
{
    [Fact]
    public void Docs_language_md_holds_the_reference_generated_from_the_schema()
    {
        var root = Repository.Root;
        var doc = File.ReadAllText(Path.Combine(root, "docs", "language.md"));
        Assert.True(doc.EndsWith(DeepDsl.Dsl.Schema.LanguageReference.Markdown(), StringComparison.Ordinal),
            "docs/language.md's reference is stale: regenerate its tables with ./deepdsl schema --markdown");
    }
}

public sealed class DiagnosticPagesTests
{
    [Fact]
    public void Every_diagnostic_has_its_documentation_page()
    {
        var root = Repository.Root;
        foreach (var descriptor in DeepDsl.Dsl.Diagnostics.Descriptors.All)
        {
            var page = Path.Combine(root, descriptor.HelpLink);
            Assert.True(File.Exists(page), $"missing {descriptor.HelpLink}");
            Assert.StartsWith($"# {descriptor.Id}:", File.ReadAllText(page));
        }
    }
}
