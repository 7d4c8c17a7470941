using System.Text.Json.Nodes;

namespace DeepDsl.Cli.Tests.LanguageServer;

/// <summary>
/// What the server answers across files: definitions that lead from a spec into the bases it `extends` (the line a key
/// overrides, the value a sweep path names), and re-checks when a base that is not open changes on disk.
/// </summary>
public sealed class LanguageServerWorkspaceTests : IDisposable
{
    // base.yaml: SeluSpecs.WithHeNormal fixed, so that it compiles (lines 0-based: 7 training, 8 loss, 10 epochs).
    private static readonly string BaseText = SeluSpecs.WithHeNormal.Replace("he_normal", "lecun_normal");

    private readonly string project = Directory.CreateTempSubdirectory("deepdsl-lsp-").FullName;
    private readonly string basePath, variant;
    private readonly LanguageServerClient server;

    public LanguageServerWorkspaceTests()
    {
        Directory.CreateDirectory(Path.Combine(project, ".git")); // the project the specs' `extends` may reach
        basePath = Path.Combine(project, "base.yaml");
        variant = Path.Combine(project, "variant.yaml");
        File.WriteAllText(basePath, BaseText);
        server = new LanguageServerClient(project);
    }

    public void Dispose()
    {
        server.Dispose();
        Directory.Delete(project, recursive: true);
    }

    [Fact]
    public void Definition_on_a_key_that_a_base_writes_is_that_key_in_the_nearest_base()
    {
        File.WriteAllText(variant, "name: variant\nextends: base.yaml\ntraining:\n  epochs: 3\n");
        var leaf = Path.Combine(project, "leaf.yaml");
        server.Initialize();
        server.Open(leaf, "name: leaf\nextends: variant.yaml\ntraining:\n  epochs: 5\n  loss: mse # here\n  batch_size: 8\n");
        Assert.Empty(server.Diagnostics(leaf)["diagnostics"]!.AsArray());

        // epochs: variant.yaml overrides it too, and is nearer; loss: only base.yaml writes it; training: merged into, in variant.yaml.
        Assert.Equal(Location(variant, 3, 2, 3, 8), Definition(leaf, 3, 4));
        Assert.Equal(Location(basePath, 8, 2, 8, 6), Definition(leaf, 4, 9)); // on the value: its key's line in the base
        Assert.Equal(Location(variant, 2, 0, 2, 8), Definition(leaf, 2, 3));
        Assert.Equal(Location(variant, 0, 0, 0, 4), Definition(leaf, 0, 2)); // name: both write it
        Assert.Equal("null", Definition(leaf, 5, 4)); // batch_size: no base writes it
    }

    [Fact]
    public void Definition_follows_no_base_that_the_project_policy_refuses()
    {
        var outside = Directory.CreateTempSubdirectory("deepdsl-lsp-outside-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(outside, "secret.yaml"), BaseText);
            server.Initialize();
            server.Open(variant, $"name: variant\nextends: {Path.Combine(outside, "secret.yaml")}\ntraining:\n  epochs: 3\n");
            Assert.Equal("DDSL017", server.Diagnostics(variant)["diagnostics"]![0]!["code"]!.GetValue<string>());
            Assert.Equal("null", Definition(variant, 3, 4)); // secret.yaml writes training.epochs, but may not be read
        }
        finally
        {
            Directory.Delete(outside, recursive: true);
        }
    }

    [Fact]
    public void Definition_follows_no_base_that_validate_refuses_as_not_a_spec()
    {
        // A YAML mapping none of whose keys the language knows: no spec, so no base, though it writes the key asked about.
        File.WriteAllText(Path.Combine(project, "notes.yaml"), "todo: [a]\ntrainings: 1\n");
        server.Initialize();
        server.Open(variant, "name: variant\nextends: notes.yaml\ntrainings: 2\n");
        Assert.Contains(server.Diagnostics(variant)["diagnostics"]!.AsArray(), d => d!["message"]!.GetValue<string>().Contains("is not a DeepDsl spec"));
        Assert.Equal("null", Definition(variant, 1, 12)); // the extends value
        Assert.Equal("null", Definition(variant, 2, 3)); // notes.yaml writes trainings, but is no base
    }

    [Fact]
    public void Definition_on_extends_leads_to_an_open_base_not_yet_saved()
    {
        var draft = Path.Combine(project, "draft.yaml");
        server.Initialize();
        server.Open(draft, BaseText);
        server.Diagnostics(draft);
        server.Open(variant, "name: variant\nextends: draft.yaml\ntraining:\n  epochs: 3\n");
        Assert.Empty(server.Diagnostics(variant)["diagnostics"]!.AsArray());
        Assert.False(File.Exists(draft));
        Assert.Equal(Location(draft, 0, 0, 0, 0), Definition(variant, 1, 12));
        Assert.Equal(Location(draft, 10, 2, 10, 8), Definition(variant, 3, 4)); // epochs, in the editor's text of the base
    }

    [Fact]
    public void Definition_inside_a_list_has_no_inherited_line_because_a_list_replaces_the_base_s()
    {
        server.Initialize();
        server.Open(variant, "name: variant\nextends: base.yaml\nmodel:\n  input: [4]\n  layers:\n    - dense: { units: 2, activation: softmax }\n");
        server.Diagnostics(variant);
        Assert.Equal(Location(basePath, 4, 2, 4, 8), Definition(variant, 4, 4));
        Assert.Equal("null", Definition(variant, 5, 16));
    }

    [Fact]
    public void Definition_on_a_sweep_path_is_where_the_resolved_spec_sets_that_value()
    {
        server.Initialize();
        server.Open(variant, """
            name: variant
            extends: base.yaml
            data: { validation: 20 }
            sweep:
              parameters:
                model.layers[dense_1].units: [8, 16]
                training.epochs: [1, 2]
                model.layers[dense_*].use_bias: [true, false]

            """);
        Assert.Empty(server.Diagnostics(variant)["diagnostics"]!.AsArray());

        Assert.Equal(Location(basePath, 5, 22, 5, 23), Definition(variant, 5, 8));
        Assert.Equal(Location(basePath, 10, 10, 10, 11), Definition(variant, 6, 8));
        // use_bias is not written: each layer's settings, where it would go.
        Assert.Equal($"[{Location(basePath, 5, 13, 5, 13)},{Location(basePath, 6, 13, 6, 13)}]", Definition(variant, 7, 8));
    }

    [Fact]
    public void A_client_that_registers_dynamically_is_asked_to_watch_specs_and_severity_files()
    {
        server.Initialize(new JsonObject { ["workspace"] = new JsonObject { ["didChangeWatchedFiles"] = new JsonObject { ["dynamicRegistration"] = true } } });
        server.Notify("initialized");

        var registration = server.Read();
        Assert.Equal("client/registerCapability", registration["method"]!.GetValue<string>());
        Assert.Equal("""{"registrations":[{"id":"deepdsl/watch","method":"workspace/didChangeWatchedFiles","registerOptions":{"watchers":[{"globPattern":"**/*.{yaml,yml}"},{"globPattern":"**/.editorconfig"},{"globPattern":"**/.globalconfig"}]}}]}""",
            registration["params"]!.ToJsonString());
        server.Respond(registration["id"]!, null);
        server.Open(variant, "name: variant\nextends: base.yaml\n");
        server.Request("textDocument/documentSymbol", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = LanguageServerClient.Uri(variant) } });
        Assert.DoesNotContain(server.Notifications, m => m.ContainsKey("error")); // the answer was not taken for a request without a method
    }

    [Fact]
    public void A_client_that_cannot_register_is_sent_no_request()
    {
        server.Initialize();
        server.Notify("initialized");
        server.Open(variant, "name: variant\nextends: base.yaml\n");
        // The first message after initialized is the diagnostics of the opened document, not a registration.
        Assert.Equal("textDocument/publishDiagnostics", server.Read()["method"]!.GetValue<string>());
    }

    [Fact]
    public void A_base_changed_on_disk_rechecks_the_open_specs_that_extend_it()
    {
        server.Initialize();
        server.Open(variant, "name: variant\nextends: base.yaml\n");
        Assert.Empty(server.Diagnostics(variant)["diagnostics"]!.AsArray());

        File.WriteAllText(basePath, SeluSpecs.WithHeNormal);
        WatchedFileChanged(basePath, 2);
        var inherited = Assert.Single(server.Diagnostics(variant)["diagnostics"]!.AsArray())!;
        Assert.Equal("DDSL101", inherited["code"]!.GetValue<string>());
        Assert.StartsWith($"{basePath}(6,57): ", inherited["message"]!.GetValue<string>());

        File.Delete(basePath);
        WatchedFileChanged(basePath, 3);
        Assert.Equal("DDSL009", Assert.Single(server.Diagnostics(variant)["diagnostics"]!.AsArray())!["code"]!.GetValue<string>());

        File.WriteAllText(basePath, BaseText);
        WatchedFileChanged(basePath, 1);
        Assert.Empty(server.Diagnostics(variant)["diagnostics"]!.AsArray());
    }

    [Fact]
    public void A_severity_file_changed_on_disk_rechecks_every_open_spec()
    {
        File.WriteAllText(basePath, SeluSpecs.WithHeNormal);
        server.Initialize();
        server.Open(basePath, SeluSpecs.WithHeNormal);
        Assert.Equal(1, server.Diagnostics(basePath)["diagnostics"]![0]!["severity"]!.GetValue<int>());

        var editorconfig = Path.Combine(project, ".editorconfig");
        File.WriteAllText(editorconfig, "root = true\n[*.yaml]\ndotnet_diagnostic.DDSL101.severity = warning\n");
        WatchedFileChanged(editorconfig, 1);
        Assert.Equal(2, server.Diagnostics(basePath)["diagnostics"]![0]!["severity"]!.GetValue<int>());
    }

    [Fact]
    public void A_change_on_disk_to_an_open_file_leaves_the_editor_s_text_in_charge()
    {
        server.Initialize();
        server.Open(basePath, SeluSpecs.WithHeNormal); // unsaved in the editor
        server.Diagnostics(basePath);
        server.Open(variant, "name: variant\nextends: base.yaml\n");
        Assert.Single(server.Diagnostics(variant)["diagnostics"]!.AsArray());

        WatchedFileChanged(basePath, 2); // the disk holds the fixed text: the editor's is what counts
        var id = server.Post("textDocument/documentSymbol", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = LanguageServerClient.Uri(variant) } });
        server.ResponseTo(id);
        Assert.DoesNotContain(server.Notifications, n => n["method"]?.GetValue<string>() == "textDocument/publishDiagnostics");
    }

    [Fact]
    public void Hover_after_a_base_changed_on_disk_answers_from_the_new_base_not_the_last_compilation()
    {
        server.Initialize();
        server.Open(variant, "name: variant\nextends: base.yaml\nmodel:\n  layers:\n    - dense: { units: 8, activation: selu, kernel_init: lecun_normal }\n    - dense: { units: 2, activation: softmax }\n");
        Assert.Empty(server.Diagnostics(variant)["diagnostics"]!.AsArray());
        Assert.Contains("Output shape: [8] · parameters: 40", Hover(variant, 4, 8)); // 4 inputs (the base's model.input) × 8 + 8

        // Changed on disk, unreported: asked again, the server answers from its last compilation (a fresh one would read [6]).
        File.WriteAllText(basePath, BaseText.Replace("input: [4]", "input: [6]"));
        Assert.Contains("Output shape: [8] · parameters: 40", Hover(variant, 4, 8));

        WatchedFileChanged(basePath, 2);
        Assert.Empty(server.Diagnostics(variant)["diagnostics"]!.AsArray());
        Assert.Contains("Output shape: [8] · parameters: 56", Hover(variant, 4, 8));
    }

    [Fact]
    public void Hover_after_an_edit_of_an_open_base_answers_from_the_edited_base()
    {
        server.Initialize();
        server.Open(basePath, BaseText);
        server.Diagnostics(basePath);
        server.Open(variant, "name: variant\nextends: base.yaml\nmodel:\n  layers:\n    - dense: { units: 8, activation: selu, kernel_init: lecun_normal }\n    - dense: { units: 2, activation: softmax }\n");
        server.Diagnostics(variant);
        Assert.Contains("parameters: 40", Hover(variant, 4, 8));

        server.Change(basePath, 2, new JsonObject { ["range"] = LanguageServerClient.Range(3, 10, 3, 11), ["text"] = "6" }); // input: [4] → [6], unsaved
        Assert.Empty(server.Diagnostics(variant)["diagnostics"]!.AsArray());
        Assert.Contains("parameters: 56", Hover(variant, 4, 8));
    }

    // A variant with a repeat (dense_2, dense_3) and a residual block whose body (dense_4) a sweep path cannot name.
    private const string SweptVariant = """
        name: variant
        extends: base.yaml
        data: { validation: 20 }
        model:
          layers:
            - dense: { units: 8, activation: relu, kernel_init: he_normal }
            - repeat: 2
              layers:
                - dense: { units: 8, activation: relu, kernel_init: he_normal }
            - residual:
                layers:
                  - dense: { units: 8, activation: relu, kernel_init: he_normal }
                activation: relu
            - dense: { units: 2, activation: softmax }
        sweep:
          parameters:
            training.epochs: [1, 2]

        """;

    [Fact]
    public void Completion_in_a_sweep_path_offers_the_layer_names_after_extends_and_repeat()
    {
        server.Initialize();
        server.Open(variant, SweptVariant);
        Assert.Empty(server.Diagnostics(variant)["diagnostics"]!.AsArray());
        server.Change(variant, 2, new JsonObject { ["range"] = LanguageServerClient.Range(16, 0, 16, 0), ["text"] = "    model.layers[d\n" });

        var items = Completion(variant, 16, 18);
        Assert.Equal(["dense_1", "dense_2", "dense_3", "residual_1", "dense_5"], items.Select(i => i!["label"]!.GetValue<string>()));
        Assert.Equal(new JsonObject { ["range"] = LanguageServerClient.Range(16, 17, 16, 18), ["newText"] = "dense_2]." }.ToJsonString(), items[1]!["textEdit"]!.ToJsonString());
        Assert.Equal("dense", items[1]!["detail"]!.GetValue<string>());
    }

    [Fact]
    public void Completion_after_a_layer_in_a_sweep_path_offers_its_kind_s_settings()
    {
        server.Initialize();
        server.Open(variant, SweptVariant);
        server.Diagnostics(variant);
        server.Change(variant, 2, new JsonObject { ["range"] = LanguageServerClient.Range(16, 0, 16, 0), ["text"] = "    model.layers[dense_*].u\n" });

        var items = Completion(variant, 16, 27);
        Assert.Equal(["units", "activation", "kernel_init", "bias_init", "use_bias", "l1", "l2", "max_norm"], items.Select(i => i!["label"]!.GetValue<string>()));
        Assert.Equal(new JsonObject { ["range"] = LanguageServerClient.Range(16, 26, 16, 27), ["newText"] = "units: " }.ToJsonString(), items[0]!["textEdit"]!.ToJsonString());

        // Written out, the path is one the sweep takes.
        server.Diagnostics(variant); // the half-typed line's
        server.Change(variant, 3, new JsonObject { ["range"] = LanguageServerClient.Range(16, 26, 16, 27), ["text"] = "use_bias: [true, false]" });
        Assert.Empty(server.Diagnostics(variant)["diagnostics"]!.AsArray());
    }

    [Fact]
    public void Definition_on_a_sweep_path_to_a_repeated_layer_is_the_line_of_the_repeat_s_body()
    {
        server.Initialize();
        server.Open(variant, SweptVariant.Replace("    training.epochs: [1, 2]", "    model.layers[dense_3].units: [8]"));
        Assert.Empty(server.Diagnostics(variant)["diagnostics"]!.AsArray());
        Assert.Equal(Location(variant, 8, 26, 8, 27), Definition(variant, 16, 8)); // dense_3 is the repeat's second copy
    }

    [Fact]
    public void Completion_in_a_sweep_path_goes_into_a_residual_block_s_body()
    {
        server.Initialize();
        server.Open(variant, SweptVariant);
        Assert.Empty(server.Diagnostics(variant)["diagnostics"]!.AsArray());
        server.Change(variant, 2, new JsonObject { ["range"] = LanguageServerClient.Range(16, 0, 16, 0), ["text"] = "    model.layers[residual_1].l\n" });
        var settings = Completion(variant, 16, 30);
        Assert.Equal("layers[", settings.Single(i => i!["label"]!.GetValue<string>() == "layers")!["textEdit"]!["newText"]!.GetValue<string>());

        server.Diagnostics(variant);
        server.Change(variant, 3, new JsonObject { ["range"] = LanguageServerClient.Range(16, 29, 16, 30), ["text"] = "layers[" });
        var names = Completion(variant, 16, 36);
        Assert.Equal(["dense_4"], names.Select(i => i!["label"]!.GetValue<string>()));
    }

    [Fact]
    public void Definition_on_a_sweep_path_into_a_residual_block_is_the_body_layer_s_value()
    {
        server.Initialize();
        server.Open(variant, SweptVariant.Replace("    training.epochs: [1, 2]", "    model.layers[residual_1].layers[dense_4].units: [8, 16]"));
        Assert.Empty(server.Diagnostics(variant)["diagnostics"]!.AsArray());
        Assert.Equal(Location(variant, 11, 28, 11, 29), Definition(variant, 16, 8));
    }

    [Fact]
    public void Completion_of_a_path_outside_sweep_parameters_is_not_a_sweep_path()
    {
        server.Initialize();
        server.Open(variant, SweptVariant);
        Assert.Empty(server.Diagnostics(variant)["diagnostics"]!.AsArray()); // a spec to take layer names from
        // A key line of the path's shape, under another mapping: only the place (sweep: parameters:) tells it apart.
        server.Change(variant, 2, new JsonObject { ["range"] = LanguageServerClient.Range(17, 0, 17, 0), ["text"] = "training:\n  model.layers[\n" });
        server.Diagnostics(variant);
        Assert.DoesNotContain(Completion(variant, 18, 15), item => item!["label"]!.GetValue<string>() == "dense_1");
    }

    private JsonArray Completion(string path, int line, int character) =>
        server.Request("textDocument/completion", LanguageServerClient.Position(path, line, character))["result"]!["items"]!.AsArray();

    private string Hover(string path, int line, int character) =>
        server.Request("textDocument/hover", LanguageServerClient.Position(path, line, character))["result"]!["contents"]!["value"]!.GetValue<string>();

    private void WatchedFileChanged(string path, int type) => server.Notify("workspace/didChangeWatchedFiles", new JsonObject
    {
        ["changes"] = new JsonArray(new JsonObject { ["uri"] = LanguageServerClient.Uri(path), ["type"] = type }),
    });

    private string Definition(string path, int line, int character) =>
        server.Request("textDocument/definition", LanguageServerClient.Position(path, line, character))["result"]?.ToJsonString() ?? "null";

    private static string Location(string path, int startLine, int startCharacter, int endLine, int endCharacter) =>
        new JsonObject { ["uri"] = LanguageServerClient.Uri(path), ["range"] = LanguageServerClient.Range(startLine, startCharacter, endLine, endCharacter) }.ToJsonString();
}
