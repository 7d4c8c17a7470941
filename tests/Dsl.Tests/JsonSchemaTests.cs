using System.Diagnostics;
using DeepDsl.Dsl.Schema;
using DeepDsl.Dsl.Syntax;

namespace DeepDsl.Dsl.Tests;

/// <summary>
/// The committed schema/deepdsl.schema.json is the one generated from the language's schema model, and a
/// real JSON Schema validator (ajv 8, draft 2020-12, installed under artifacts/node-tools by
/// `npm install --prefix artifacts/node-tools ajv@8`) accepts every example experiment and rejects specs
/// the language rejects: unknown keys, in a complete spec and in a variant.
/// </summary>
public sealed class JsonSchemaTests
{
    private static readonly string Root = Repository.Root;
    private static readonly string SchemaFile = Path.Combine(Root, "schema", "deepdsl.schema.json");

    [Fact]
    public void The_committed_schema_is_generated_from_the_language()
    {
        // DEEPDSL_UPDATE_GENERATED=1 rewrites it (as `deepdsl schema --out schema/deepdsl.schema.json` does).
        if (Environment.GetEnvironmentVariable("DEEPDSL_UPDATE_GENERATED") == "1") File.WriteAllText(SchemaFile, JsonSchemaWriter.Write());
        Assert.True(File.ReadAllText(SchemaFile) == JsonSchemaWriter.Write(),
            "schema/deepdsl.schema.json is stale: run deepdsl schema --out schema/deepdsl.schema.json");
    }

    [Fact]
    public void Every_key_and_every_bare_kind_is_described_and_every_default_stated_for_editors()
    {
        var schema = System.Text.Json.JsonDocument.Parse(JsonSchemaWriter.Write()).RootElement;
        var undocumented = new List<string>();
        var defaults = new Dictionary<string, string>();
        void Walk(System.Text.Json.JsonElement node, string path)
        {
            if (node.ValueKind == System.Text.Json.JsonValueKind.Array)
            {
                var i = 0;
                foreach (var item in node.EnumerateArray()) Walk(item, $"{path}[{i++}]");
                return;
            }
            if (node.ValueKind != System.Text.Json.JsonValueKind.Object) return;
            if (node.TryGetProperty("const", out var name) && !path.Contains("/if", StringComparison.Ordinal) && !node.TryGetProperty("description", out _))
                undocumented.Add($"{path} = {name}");
            if (node.TryGetProperty("properties", out var properties) && !path.EndsWith("/if", StringComparison.Ordinal) && !path.EndsWith("/then", StringComparison.Ordinal))
                foreach (var p in properties.EnumerateObject())
                {
                    if (!p.Value.TryGetProperty("description", out _)) undocumented.Add($"{path}.{p.Name}");
                    if (p.Value.TryGetProperty("default", out var value)) defaults[p.Name] = value.ToString();
                }
            foreach (var p in node.EnumerateObject()) Walk(p.Value, $"{path}/{p.Name}");
        }
        Walk(schema, "");
        Assert.Empty(undocumented);
        Assert.Equal("32", defaults["batch_size"]);
        Assert.Equal("glorot_uniform", defaults["kernel_init"]);
        Assert.Contains("\"const\": \"nadam\", \"description\": ", JsonSchemaWriter.Write());
    }

    [Fact]
    public void Ajv_accepts_every_example_and_rejects_what_the_language_rejects()
    {
        var examples = Directory.GetFiles(Repository.Experiments, "*.yaml").ToDictionary(f => "ok-" + Path.GetFileNameWithoutExtension(f), File.ReadAllText);
        // The specs `dotnet new deepdsl` makes, whose $schema line names this schema (as the package ships it).
        foreach (var spec in Directory.GetFiles(Path.Combine(Root, "src", "Templates", "content", "deepdsl", "experiments"), "*.yaml"))
            examples.Add("ok-template-" + Path.GetFileNameWithoutExtension(spec), File.ReadAllText(spec));
        Assert.Contains("ok-template-selu", examples.Keys);
        var base_ = examples["ok-base"];
        var cases = new Dictionary<string, string>(examples);
        // Each bad case is made from an accepted document by one edit: it must differ from that document, or an edit that
        // found nothing to replace would be an accepted spec expected to be rejected.
        void Bad(string name, string from, string text)
        {
            Assert.NotEqual(from, text);
            cases.Add("bad-" + name, text);
        }
        Bad("unknown-key", base_, base_.Replace("  epochs: 100", "  epochs: 100\n  epoch: 3"));
        Bad("unknown-key-in-a-variant", examples["ok-selu"], examples["ok-selu"].Replace("  standardize: true", "  standardize: true\n  standardise: true"));
        Bad("quoted-integer", base_, base_.Replace("epochs: 100", "epochs: '100'"));
        Bad("zero-units", base_, base_.Replace("units: 100", "units: 0"));
        Bad("missing-required", base_, base_.Replace("  epochs: 100\n", ""));
        Bad("key-of-another-dataset", base_, base_.Replace("dataset: cifar10", "dataset: cifar10\n  x_train: x.npy"));
        // Kernels, strides, dilations and pools as [height, width]: two sides, each in range.
        var rectangular = File.ReadAllText(Path.Combine(Root, "tests", "fixtures", "summary", "rectangular.yaml"));
        cases["ok-rectangular"] = rectangular;
        Bad("kernel-of-one-side", rectangular, rectangular.Replace("kernel_size: [3, 5]", "kernel_size: [3]"));
        Bad("stride-side-of-zero", rectangular, rectangular.Replace("strides: [2, 1]", "strides: [0, 1]"));
        Bad("pool-side-not-an-integer", rectangular, rectangular.Replace("pool_size: [2, 3]", "pool_size: [2, \"a\"]"));
        var verdicts = RunAjv(cases.ToDictionary(c => c.Key, c => Json(c.Value)));
        foreach (var name in cases.Keys)
            Assert.True(verdicts[name].Valid == name.StartsWith("ok-", StringComparison.Ordinal),
                $"ajv says {name} is {(verdicts[name].Valid ? "valid" : "invalid")} {verdicts[name].Errors}");
    }

    private static string Json(string yaml) => YamlJson.Write(YamlLoader.Load("spec.yaml", yaml, []));

    /// <summary>Each document's verdict from ajv, by name.</summary>
    private static Dictionary<string, (bool Valid, string Errors)> RunAjv(Dictionary<string, string> documents)
    {
        var tools = Path.Combine(Root, "artifacts", "node-tools");
        Assert.True(Directory.Exists(Path.Combine(tools, "node_modules", "ajv")),
            $"ajv is not installed in {tools}: npm install --prefix artifacts/node-tools ajv@8 (./test.sh does it)");
        var folder = Directory.CreateTempSubdirectory("deepdsl-schema-").FullName;
        foreach (var (name, json) in documents) File.WriteAllText(Path.Combine(folder, name + ".json"), json);
        var script = Path.Combine(folder, "check.js");
        File.WriteAllText(script, """
            const [tools, schemaPath, folder] = process.argv.slice(2);
            const Ajv2020 = require(tools + "/node_modules/ajv/dist/2020").default;
            const fs = require("fs");
            const validate = new Ajv2020({ strict: false }).compile(JSON.parse(fs.readFileSync(schemaPath, "utf8")));
            for (const f of fs.readdirSync(folder).filter(f => f.endsWith(".json")))
              console.log((validate(JSON.parse(fs.readFileSync(folder + "/" + f, "utf8"))) ? "valid\t" : "invalid\t") + f.slice(0, -5) + "\t" + JSON.stringify(validate.errors || []).slice(0, 600));
            """);
        var start = new ProcessStartInfo("node", [script, tools, SchemaFile, folder]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, output);
        var verdicts = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('\t')).ToDictionary(p => p[1], p => (p[0] == "valid", p[2]));
        Assert.Equal(documents.Keys.Order(), verdicts.Keys.Order());
        return verdicts;
    }
}
