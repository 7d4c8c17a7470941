using System.Text.Json.Nodes;

namespace DeepDsl.Cli.Tests.LanguageServer;

/// <summary>
/// `deepdsl lsp` driven as an editor drives it, over its stdin and stdout: the exact messages it answers with, for a
/// spec with a SELU network initialized the wrong way (DDSL101) and the edits that fix it.
/// </summary>
public sealed class LanguageServerProtocolTests : IDisposable
{
    private const string SeluSpec = SeluSpecs.WithHeNormal;

    private readonly string project = Directory.CreateTempSubdirectory("deepdsl-lsp-").FullName;
    private readonly string spec;
    private readonly LanguageServerClient server;

    public LanguageServerProtocolTests()
    {
        Directory.CreateDirectory(Path.Combine(project, ".git")); // the project the specs' `extends` may reach
        spec = Path.Combine(project, "selu.yaml");
        server = new LanguageServerClient(project);
    }

    public void Dispose()
    {
        server.Dispose();
        Directory.Delete(project, recursive: true);
    }

    [Fact]
    public void Initialize_advertises_incremental_sync_and_only_the_features_it_serves()
    {
        var capabilities = server.Initialize()["result"]!["capabilities"]!.AsObject();
        Assert.Equal(2, capabilities["textDocumentSync"]!["change"]!.GetValue<int>());
        Assert.True(capabilities["textDocumentSync"]!["openClose"]!.GetValue<bool>());
        Assert.Equal(
            ["codeActionProvider", "completionProvider", "definitionProvider", "documentFormattingProvider", "documentSymbolProvider", "hoverProvider", "positionEncoding", "textDocumentSync"],
            capabilities.Select(c => c.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void An_unsaved_SELU_spec_with_he_normal_gets_DDSL101_where_validate_puts_it()
    {
        server.Initialize();
        server.Open(spec, SeluSpec); // never saved: the file does not exist
        var published = server.Diagnostics(spec);

        Assert.Equal(1, published["version"]!.GetValue<int>());
        var diagnostic = Assert.Single(published["diagnostics"]!.AsArray())!;
        Assert.Equal("DDSL101", diagnostic["code"]!.GetValue<string>());
        Assert.Equal(1, diagnostic["severity"]!.GetValue<int>());
        Assert.Equal(LanguageServerClient.Range(5, 56, 5, 65).ToJsonString(), diagnostic["range"]!.ToJsonString());
        Assert.Equal(new Uri(Path.Combine(Repository.Root, "docs", "diagnostics", "DDSL101.md")).AbsoluteUri, diagnostic["codeDescription"]!["href"]!.GetValue<string>());
        Assert.Equal("'dense_1' uses selu with kernel_init he_normal: a SELU network self-normalizes only with kernel_init: lecun_normal", diagnostic["message"]!.GetValue<string>());

        File.WriteAllText(spec, SeluSpec);
        var validate = DeepDslProcess.Run(project, "validate", "selu.yaml");
        Assert.Contains("selu.yaml(6,57): error DDSL101:", validate.Output); // the same place, 1-based
    }

    [Fact]
    public void An_incremental_edit_that_fixes_the_initializer_clears_the_diagnostics()
    {
        server.Initialize();
        server.Open(spec, SeluSpec);
        server.Diagnostics(spec);
        server.Change(spec, 2, new JsonObject { ["range"] = LanguageServerClient.Range(5, 56, 5, 58), ["text"] = "lecun" });

        var published = server.Diagnostics(spec);
        Assert.Equal(2, published["version"]!.GetValue<int>());
        Assert.Empty(published["diagnostics"]!.AsArray());
    }

    [Fact]
    public void A_lone_carriage_return_ends_a_line_for_positions_as_for_diagnostics()
    {
        // The protocol ends a line at \n, \r\n or \r; so does YAML, which numbers the diagnostics' lines.
        var text = SeluSpec.Replace("\n", "\r");
        server.Initialize();
        server.Open(spec, text);
        var diagnostic = Assert.Single(server.Diagnostics(spec)["diagnostics"]!.AsArray())!;
        Assert.Equal(LanguageServerClient.Range(5, 56, 5, 65).ToJsonString(), diagnostic["range"]!.ToJsonString());

        server.Change(spec, 2, new JsonObject { ["range"] = LanguageServerClient.Range(5, 56, 5, 58), ["text"] = "lecun" });
        Assert.Empty(server.Diagnostics(spec)["diagnostics"]!.AsArray());
    }

    [Fact]
    public void A_full_text_change_replaces_the_document()
    {
        server.Initialize();
        server.Open(spec, SeluSpec);
        server.Diagnostics(spec);
        server.Change(spec, 2, new JsonObject { ["text"] = SeluSpec.Replace("he_normal", "lecun_normal") });
        Assert.Empty(server.Diagnostics(spec)["diagnostics"]!.AsArray());
    }

    [Fact]
    public void The_quick_fix_for_DDSL101_replaces_the_initializer_and_keeps_the_comment()
    {
        server.Initialize();
        server.Open(spec, SeluSpec);
        server.Diagnostics(spec);
        var actions = server.Request("textDocument/codeAction", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = LanguageServerClient.Uri(spec) },
            ["range"] = LanguageServerClient.Range(5, 10, 5, 10),
            ["context"] = new JsonObject { ["diagnostics"] = new JsonArray() },
        })["result"]!.AsArray();

        var action = Assert.Single(actions)!;
        Assert.Equal("quickfix", action["kind"]!.GetValue<string>());
        Assert.Equal("DDSL101", action["diagnostics"]![0]!["code"]!.GetValue<string>());
        var edit = Assert.Single(action["edit"]!["changes"]![LanguageServerClient.Uri(spec)]!.AsArray())!;
        Assert.Equal(new JsonObject { ["range"] = LanguageServerClient.Range(5, 56, 5, 65), ["newText"] = "lecun_normal" }.ToJsonString(), edit.ToJsonString());

        var fixedText = SeluSpec.Split('\n');
        fixedText[5] = fixedText[5][..56] + "lecun_normal" + fixedText[5][65..];
        Assert.Equal("    - dense: { units: 8, activation: selu, kernel_init: lecun_normal } # keep me", fixedText[5]);
        File.WriteAllText(spec, string.Join('\n', fixedText));
        var validate = DeepDslProcess.Run(project, "validate", "selu.yaml");
        Assert.True(validate.Exit == 0, validate.ToString());
    }

    [Fact]
    public void A_repeated_layer_gets_one_quick_fix_for_all_its_copies()
    {
        var text = SeluSpec.Replace("    - dense: { units: 8, activation: selu, kernel_init: he_normal } # keep me",
            "    - repeat: 2\n      layers:\n        - dense: { units: 8, activation: selu, kernel_init: he_normal }");
        var action = Assert.Single(CodeActions(text, 7))!;
        var edit = Assert.Single(action["edit"]!["changes"]![LanguageServerClient.Uri(spec)]!.AsArray())!;
        Assert.Equal(new JsonObject { ["range"] = LanguageServerClient.Range(7, 60, 7, 69), ["newText"] = "lecun_normal" }.ToJsonString(), edit.ToJsonString());
    }

    [Fact]
    public void The_quick_fix_for_DDSL104_makes_plain_dropout_alpha_dropout_with_its_rate_and_comment()
    {
        var text = SeluSpec.Replace("he_normal", "lecun_normal").Replace("    - dense: { units: 2", "    - dropout: 0.1 # regular\n    - dense: { units: 2");
        var action = Assert.Single(CodeActions(text, 6))!;
        Assert.Equal("Use alpha_dropout", action["title"]!.GetValue<string>());
        Assert.Equal("DDSL104", action["diagnostics"]![0]!["code"]!.GetValue<string>());
        var edit = Assert.Single(action["edit"]!["changes"]![LanguageServerClient.Uri(spec)]!.AsArray())!;
        Assert.Equal(new JsonObject { ["range"] = LanguageServerClient.Range(6, 6, 6, 13), ["newText"] = "alpha_dropout" }.ToJsonString(), edit.ToJsonString());

        var fixedText = Applied(text, edit);
        Assert.Equal("    - alpha_dropout: 0.1 # regular", fixedText.Split('\n')[6]);
        File.WriteAllText(spec, fixedText);
        var validate = DeepDslProcess.Run(project, "validate", "selu.yaml");
        Assert.True(validate.Exit == 0, validate.ToString());
    }

    [Fact]
    public void The_quick_fix_for_DDSL301_sets_a_momentum_too_close_to_1_to_0_9()
    {
        var text = SeluSpec.Replace("he_normal", "lecun_normal").Replace("optimizer: sgd", "optimizer: { sgd: { momentum: 0.99999 } } # careful");
        var action = Assert.Single(CodeActions(text, 9))!;
        Assert.Equal("Use momentum: 0.9", action["title"]!.GetValue<string>());
        Assert.Equal("DDSL301", action["diagnostics"]![0]!["code"]!.GetValue<string>());
        var edit = Assert.Single(action["edit"]!["changes"]![LanguageServerClient.Uri(spec)]!.AsArray())!;
        Assert.Equal(new JsonObject { ["range"] = LanguageServerClient.Range(9, 32, 9, 39), ["newText"] = "0.9" }.ToJsonString(), edit.ToJsonString());

        var fixedText = Applied(text, edit);
        Assert.Equal("  optimizer: { sgd: { momentum: 0.9 } } # careful", fixedText.Split('\n')[9]);
        File.WriteAllText(spec, fixedText);
        var validate = DeepDslProcess.Run(project, "validate", "selu.yaml");
        Assert.True(validate.Exit == 0 && !validate.Output.Contains("DDSL301"), validate.ToString());
    }

    [Fact]
    public void Spatial_dropout_in_a_SELU_net_gets_DDSL104_but_no_quick_fix_since_it_has_no_self_normalizing_twin()
    {
        var text = SeluSpec.Replace("he_normal", "lecun_normal").Replace("    - dense: { units: 2", "    - spatial_dropout: 0.1\n    - dense: { units: 2");
        server.Initialize();
        server.Open(spec, text);
        Assert.Contains(server.Diagnostics(spec)["diagnostics"]!.AsArray(), d => d!["code"]!.GetValue<string>() == "DDSL104");
        Assert.Empty(CodeActionsOn(6));
    }

    [Fact]
    public void Hover_on_a_key_gives_its_doc_type_and_default()
    {
        server.Initialize();
        server.Open(spec, SeluSpec);
        var hover = server.Request("textDocument/hover", LanguageServerClient.Position(spec, 1, 60))["result"]!;
        Assert.Equal("**standardize**: Per-feature standardization fitted on the training split.\n\nType: true or false\n\nDefault: `false`",
            hover["contents"]!["value"]!.GetValue<string>());
        Assert.Equal(LanguageServerClient.Range(1, 54, 1, 65).ToJsonString(), hover["range"]!.ToJsonString());

        var required = server.Request("textDocument/hover", LanguageServerClient.Position(spec, 10, 4))["result"]!;
        Assert.Equal("**epochs**: Maximum epochs.\n\nType: an integer from 1 to 2147483647\n\nRequired.", required["contents"]!["value"]!.GetValue<string>());
    }

    [Fact]
    public void Hover_on_a_monitor_gives_the_default_that_depends_on_the_validation_set()
    {
        server.Initialize();
        server.Open(spec, TinySpec.Text + "\n  early_stopping: { monitor: loss }\n");
        var hover = server.Request("textDocument/hover", LanguageServerClient.Position(spec, 10, 22))["result"]!;
        Assert.EndsWith("\n\nDefault: `val_loss` (`loss` without a validation set)", hover["contents"]!["value"]!.GetValue<string>());
    }

    [Fact]
    public void Hover_on_an_activation_gives_its_declaration_doc()
    {
        server.Initialize();
        server.Open(spec, SeluSpec);
        var hover = server.Request("textDocument/hover", LanguageServerClient.Position(spec, 5, 40))["result"]!;
        Assert.StartsWith("**selu**: ", hover["contents"]!["value"]!.GetValue<string>());
    }

    [Fact]
    public void Hover_on_a_layer_gives_its_settings_and_output_shape()
    {
        server.Initialize();
        server.Open(spec, SeluSpec.Replace("he_normal", "lecun_normal"));
        var hover = server.Request("textDocument/hover", LanguageServerClient.Position(spec, 5, 8))["result"]!;
        Assert.Equal("""
            **dense**: Fully connected layer (on vectors).

            ```yaml
            units: 8
            activation: selu
            kernel_init: lecun_normal
            bias_init: zeros
            use_bias: true
            l1: 0.0
            l2: 0.0
            ```

            Output shape: [8] · parameters: 40
            """.ReplaceLineEndings("\n"), hover["contents"]!["value"]!.GetValue<string>());
    }

    // A repeat block, a shorthand layer and a residual block written in block style.
    private const string BlocksSpec = """
        name: blocks
        data: { dataset: synthetic, samples: 100, classes: 2 }
        model:
          input: [4]
          layers:
            - repeat: 3
              layers:
                - dense: { units: 8, activation: { leaky_relu: { alpha: 0.2 } }, kernel_init: he_normal }
            - dropout: 0.2
            - residual:
                layers:
                  - dense:
                      units: 8
                      activation: relu
                      kernel_init: he_uniform
            - dense: { units: 2, activation: softmax, name: out }
        training:
          loss: sparse_categorical_crossentropy
          optimizer: sgd
          epochs: 1

        """;

    [Fact]
    public void Hover_on_a_repeated_layer_gives_each_copy_s_shape_and_parameters()
    {
        server.Initialize();
        server.Open(spec, BlocksSpec);
        Assert.Empty(server.Diagnostics(spec)["diagnostics"]!.AsArray());
        var hover = server.Request("textDocument/hover", LanguageServerClient.Position(spec, 7, 12))["result"]!;
        Assert.Equal("""
            **dense**: Fully connected layer (on vectors).

            ```yaml
            units: 8
            activation: { leaky_relu: { alpha: 0.2 } }
            kernel_init: he_normal
            bias_init: zeros
            use_bias: true
            l1: 0.0
            l2: 0.0
            ```

            3 copies:

            - dense_1: output [8], 40 parameters
            - dense_2: output [8], 72 parameters
            - dense_3: output [8], 72 parameters
            """.ReplaceLineEndings("\n"), hover["contents"]!["value"]!.GetValue<string>());

        var dropout = server.Request("textDocument/hover", LanguageServerClient.Position(spec, 8, 6))["result"]!["contents"]!["value"]!.GetValue<string>();
        Assert.EndsWith("```yaml\nrate: 0.2\n```\n\nOutput shape: [8] · parameters: 0", dropout);
    }

    [Fact]
    public void Document_symbols_nest_the_layers_of_repeat_and_residual_blocks()
    {
        server.Initialize();
        server.Open(spec, BlocksSpec);
        var symbols = server.Request("textDocument/documentSymbol", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = LanguageServerClient.Uri(spec) } })["result"]!.AsArray();
        Assert.Equal(["repeat 3", "dropout", "residual", "out"], symbols.Select(s => s!["name"]!.GetValue<string>()));
        Assert.Equal("dense", symbols[0]!["children"]![0]!["name"]!.GetValue<string>());
        Assert.Equal(LanguageServerClient.Range(9, 6, 14, 37).ToJsonString(), symbols[2]!["range"]!.ToJsonString());
        Assert.Equal(LanguageServerClient.Range(11, 12, 14, 37).ToJsonString(), symbols[2]!["children"]![0]!["range"]!.ToJsonString());
    }

    [Fact]
    public void Completion_of_kernel_init_in_a_SELU_layer_offers_lecun_normal_first()
    {
        var ordered = CompletionLabels(SeluSpec.Replace("kernel_init: he_normal", "kernel_init: "), 5, 56);
        Assert.Equal(["lecun_normal", "lecun_uniform"], ordered.Take(2));
        Assert.Contains("he_normal", ordered);
    }

    [Fact]
    public void Completion_of_a_ReLU_layer_s_kernel_init_offers_he_first()
    {
        Assert.Equal("he_normal", CompletionLabels(SeluSpec.Replace("activation: selu, kernel_init: he_normal", "activation: relu, kernel_init: "), 5, 56)[0]);
    }

    [Fact]
    public void Completion_at_a_new_key_of_training_offers_the_keys_not_yet_written()
    {
        var labels = CompletionLabels(SeluSpec + "  ", 12, 2);
        Assert.Contains("batch_size", labels);
        Assert.DoesNotContain("epochs", labels);
        Assert.DoesNotContain("loss", labels);
        Assert.DoesNotContain("units", labels);
    }

    [Fact]
    public void Completion_in_a_layer_s_flow_mapping_offers_its_settings_not_yet_written()
    {
        var labels = CompletionLabels(SeluSpec.Replace("{ units: 2, activation: softmax }", "{ units: 2,  }"), 6, 26);
        Assert.Equal(["activation", "kernel_init", "bias_init", "use_bias", "l1", "l2", "max_norm", "name"], labels);
    }

    [Fact]
    public void Completion_offers_only_the_data_keys_that_apply_to_the_dataset_written()
    {
        var labels = CompletionLabels(SeluSpec.Replace("data: { dataset: synthetic, samples: 100, classes: 2, standardize: true }", "data:\n  dataset: npy\n  "), 3, 2);
        Assert.Contains("x_train", labels);
        Assert.DoesNotContain("dataset", labels);
        Assert.DoesNotContain("path", labels); // the folder of cifar10, image_folder and csv; npy names its files
    }

    [Fact]
    public void Completion_at_a_new_layer_offers_the_layer_kinds()
    {
        var labels = CompletionLabels(SeluSpec.Replace("    - dense: { units: 2", "    - \n    - dense: { units: 2"), 6, 6);
        Assert.Contains("dense", labels);
        Assert.Contains("alpha_dropout", labels);
        Assert.Contains("repeat", labels);
    }

    [Fact]
    public void Completion_of_an_enum_value_offers_its_values()
    {
        var labels = CompletionLabels(SeluSpec.Replace("loss: sparse_categorical_crossentropy", "loss: "), 8, 8);
        Assert.Equal(["sparse_categorical_crossentropy", "categorical_crossentropy", "binary_crossentropy", "mse"], labels);
    }

    [Fact]
    public void Definition_on_extends_is_the_base_file()
    {
        var basePath = Path.Combine(project, "base.yaml");
        File.WriteAllText(basePath, SeluSpec.Replace("he_normal", "lecun_normal"));
        var variant = Path.Combine(project, "variant.yaml");
        server.Initialize();
        server.Open(variant, "name: variant\nextends: base.yaml\n");
        Assert.Empty(server.Diagnostics(variant)["diagnostics"]!.AsArray());
        var definition = server.Request("textDocument/definition", LanguageServerClient.Position(variant, 1, 12))["result"]!;
        Assert.Equal(new JsonObject { ["uri"] = LanguageServerClient.Uri(basePath), ["range"] = LanguageServerClient.Range(0, 0, 0, 0) }.ToJsonString(), definition.ToJsonString());
    }

    [Fact]
    public void An_extends_outside_the_project_is_refused_as_validate_refuses_it()
    {
        var outside = Directory.CreateTempSubdirectory("deepdsl-lsp-outside-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(outside, "secret.yaml"), SeluSpec);
            var variant = Path.Combine(project, "variant.yaml");
            var text = $"name: variant\nextends: {Path.Combine(outside, "secret.yaml")}\n";
            server.Initialize();
            server.Open(variant, text);
            var diagnostic = Assert.Single(server.Diagnostics(variant)["diagnostics"]!.AsArray())!;
            Assert.Equal("DDSL017", diagnostic["code"]!.GetValue<string>());
            Assert.Null(server.Request("textDocument/definition", LanguageServerClient.Position(variant, 1, 12))["result"]);

            File.WriteAllText(variant, text);
            var validate = DeepDslProcess.Run(project, "validate", "variant.yaml");
            Assert.Contains($"variant.yaml(2,10): error DDSL017: ", validate.Output);
            Assert.Contains(diagnostic["message"]!.GetValue<string>(), validate.Output);
        }
        finally
        {
            Directory.Delete(outside, recursive: true);
        }
    }

    [Fact]
    public void An_empty_document_gets_the_diagnostic_validate_gives_an_empty_file()
    {
        server.Initialize();
        server.Open(spec, "");
        var diagnostic = Assert.Single(server.Diagnostics(spec)["diagnostics"]!.AsArray())!;
        Assert.Equal("DDSL004", diagnostic["code"]!.GetValue<string>());

        File.WriteAllText(spec, "");
        var validate = DeepDslProcess.Run(project, "validate", "selu.yaml");
        Assert.Contains($"selu.yaml(1,1): error DDSL004: {diagnostic["message"]!.GetValue<string>()}", validate.Output);
    }

    [Fact]
    public void A_change_to_an_open_base_rechecks_the_open_specs_that_extend_it()
    {
        var basePath = Path.Combine(project, "base.yaml");
        var baseText = SeluSpec.Replace("he_normal", "lecun_normal");
        File.WriteAllText(basePath, baseText);
        var variant = Path.Combine(project, "variant.yaml");
        server.Initialize();
        server.Open(variant, "name: variant\nextends: base.yaml\n");
        Assert.Empty(server.Diagnostics(variant)["diagnostics"]!.AsArray());
        server.Open(basePath, baseText);
        server.Diagnostics(basePath);
        server.Change(basePath, 2, new JsonObject { ["text"] = SeluSpec });

        Assert.Equal("DDSL101", server.Diagnostics(basePath)["diagnostics"]![0]!["code"]!.GetValue<string>());
        var inherited = Assert.Single(server.Diagnostics(variant)["diagnostics"]!.AsArray())!;
        Assert.Equal("DDSL101", inherited["code"]!.GetValue<string>());
        Assert.StartsWith($"{basePath}(6,57): ", inherited["message"]!.GetValue<string>());
        Assert.Equal(baseText, File.ReadAllText(basePath)); // the server never writes
    }

    [Fact]
    public void Closing_an_edited_base_rechecks_its_dependents_against_the_base_on_disk()
    {
        var basePath = Path.Combine(project, "base.yaml");
        File.WriteAllText(basePath, SeluSpec.Replace("he_normal", "lecun_normal"));
        var variant = Path.Combine(project, "variant.yaml");
        server.Initialize();
        server.Open(variant, "name: variant\nextends: base.yaml\n");
        server.Diagnostics(variant);
        server.Open(basePath, SeluSpec); // broken in the editor, never saved
        server.Diagnostics(basePath);
        Assert.Equal("DDSL101", server.Diagnostics(variant)["diagnostics"]![0]!["code"]!.GetValue<string>());

        server.Notify("textDocument/didClose", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = LanguageServerClient.Uri(basePath) } });
        Assert.Empty(server.Diagnostics(basePath)["diagnostics"]!.AsArray());
        Assert.Empty(server.Diagnostics(variant)["diagnostics"]!.AsArray());
    }

    [Fact]
    public void Opening_a_missing_base_rechecks_the_spec_that_could_not_find_it()
    {
        var variant = Path.Combine(project, "variant.yaml");
        server.Initialize();
        server.Open(variant, "name: variant\nextends: base.yaml\n");
        Assert.Equal("DDSL009", server.Diagnostics(variant)["diagnostics"]![0]!["code"]!.GetValue<string>());

        server.Open(Path.Combine(project, "base.yaml"), SeluSpec.Replace("he_normal", "lecun_normal")); // unsaved: only in the editor
        Assert.Empty(server.Diagnostics(variant)["diagnostics"]!.AsArray());
    }

    [Fact]
    public void Document_symbols_are_the_layers()
    {
        server.Initialize();
        server.Open(spec, SeluSpec);
        var symbols = server.Request("textDocument/documentSymbol", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = LanguageServerClient.Uri(spec) } })["result"]!.AsArray();
        Assert.Equal(2, symbols.Count);
        Assert.Equal("dense", symbols[0]!["name"]!.GetValue<string>());
        Assert.Equal(LanguageServerClient.Range(5, 6, 5, 65).ToJsonString(), symbols[0]!["range"]!.ToJsonString());
        Assert.Equal(LanguageServerClient.Range(6, 6, 6, 11).ToJsonString(), symbols[1]!["selectionRange"]!.ToJsonString());
    }

    [Fact]
    public void Formatting_is_one_edit_to_the_canonical_text_and_nothing_for_text_that_does_not_parse()
    {
        server.Initialize();
        server.Open(spec, "name: x\ntraining: { epochs: 1 }\n");
        var edit = Assert.Single(server.Request("textDocument/formatting", Formatting(spec))["result"]!.AsArray())!;
        Assert.Equal(new JsonObject { ["range"] = LanguageServerClient.Range(0, 0, 2, 0), ["newText"] = "name: x\ntraining:\n  epochs: 1\n" }.ToJsonString(), edit.ToJsonString());

        var broken = Path.Combine(project, "broken.yaml");
        server.Open(broken, "name: [unclosed\n");
        Assert.Empty(server.Request("textDocument/formatting", Formatting(broken))["result"]!.AsArray());
    }

    [Fact]
    public void Shutdown_then_exit_ends_the_server_with_exit_code_0()
    {
        server.Initialize();
        Assert.Null(server.Request("shutdown")["result"]);
        server.Notify("exit");
        Assert.Equal(0, server.WaitForExit());
    }

    [Fact]
    public void Exit_without_shutdown_ends_with_exit_code_1()
    {
        server.Initialize();
        server.Notify("exit");
        Assert.Equal(1, server.WaitForExit());
    }

    [Fact]
    public void Malformed_JSON_and_an_unknown_method_get_errors_and_the_server_lives_on()
    {
        server.Initialize();
        server.SendBody("{\"jsonrpc\": \"2.0\", \"id\": 7, \"method\": ");
        var parseError = server.Read();
        Assert.Equal(-32700, parseError["error"]!["code"]!.GetValue<int>());
        Assert.Null(parseError["id"]);

        var unknown = server.Request("textDocument/rename", LanguageServerClient.Position(spec, 0, 0));
        Assert.Equal(-32601, unknown["error"]!["code"]!.GetValue<int>());

        var wrongParams = server.Request("textDocument/hover", new JsonObject { ["textDocument"] = 3 });
        Assert.Equal(-32602, wrongParams["error"]!["code"]!.GetValue<int>());

        server.SendRaw("Content-Length: lots\r\n\r\n"u8.ToArray()); // a broken frame is skipped
        server.Open(spec, SeluSpec);
        Assert.Equal("DDSL101", server.Diagnostics(spec)["diagnostics"]![0]!["code"]!.GetValue<string>());
    }

    [Fact]
    public void A_text_of_one_line_over_the_size_limit_gets_DDSL007_and_answers_at_its_end()
    {
        server.Initialize();
        var text = "name: " + new string('a', 2_000_000);
        server.Open(spec, text);
        Assert.Equal("DDSL007", server.Diagnostics(spec)["diagnostics"]![0]!["code"]!.GetValue<string>());
        foreach (var method in new[] { "textDocument/completion", "textDocument/hover", "textDocument/definition" })
            Assert.Null(server.Request(method, LanguageServerClient.Position(spec, 0, text.Length))["error"]);
    }

    [Fact]
    public void Requests_before_initialize_are_refused()
    {
        Assert.Equal(-32002, server.Request("textDocument/hover", LanguageServerClient.Position(spec, 0, 0))["error"]!["code"]!.GetValue<int>());
    }

    [Fact]
    public void Every_place_of_the_exercise_specs_and_of_their_cut_and_damaged_texts_is_answered_without_an_error()
    {
        server.Initialize();
        var specs = Directory.EnumerateFiles(Path.Combine(Repository.Root, "experiments"), "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(specs);
        var requests = 0;
        foreach (var file in specs)
        {
            var text = File.ReadAllText(file);
            // What an editor holds while the user types: the whole text, cut short, and with a few characters gone.
            string[] texts = [text, text[..(text.Length / 3)], text[..(text.Length * 2 / 3)], text.Remove(text.Length / 2, 7), text.Replace(":", "")];
            foreach (var edited in texts)
            {
                var path = Path.Combine(project, Path.GetRelativePath(Repository.Root, file));
                server.Open(path, edited);
                var lines = edited.Split('\n');
                for (var line = 0; line < lines.Length; line++)
                    for (var character = 0; character <= lines[line].Length; character += 3)
                        foreach (var method in new[] { "textDocument/hover", "textDocument/completion", "textDocument/definition" })
                        {
                            var response = server.Request(method, LanguageServerClient.Position(path, line, character));
                            Assert.True(response["error"] is null, $"{method} at {file}:{line}:{character}: {response}");
                            requests++;
                        }
                var document = new JsonObject { ["uri"] = LanguageServerClient.Uri(path) };
                Assert.Null(server.Request("textDocument/documentSymbol", new JsonObject { ["textDocument"] = document.DeepClone() })["error"]);
                Assert.Null(server.Request("textDocument/formatting", Formatting(path))["error"]);
                Assert.Null(server.Request("textDocument/codeAction", new JsonObject
                {
                    ["textDocument"] = document.DeepClone(),
                    ["range"] = LanguageServerClient.Range(0, 0, lines.Length, 0),
                    ["context"] = new JsonObject { ["diagnostics"] = new JsonArray() },
                })["error"]);
            }
        }
        Assert.True(requests > 1000, $"only {requests} requests");
        Assert.DoesNotContain("failed", server.Log);
    }

    /// <summary>The labels the server completes with at a place of <paramref name="text"/> (opened as the spec), in the order it gives them (sortText).</summary>
    private JsonArray CodeActions(string text, int line)
    {
        server.Initialize();
        server.Open(spec, text);
        server.Diagnostics(spec);
        return CodeActionsOn(line);
    }

    private JsonArray CodeActionsOn(int line) => server.Request("textDocument/codeAction", new JsonObject
    {
        ["textDocument"] = new JsonObject { ["uri"] = LanguageServerClient.Uri(spec) },
        ["range"] = LanguageServerClient.Range(line, 0, line, 0),
        ["context"] = new JsonObject { ["diagnostics"] = new JsonArray() },
    })["result"]!.AsArray();

    /// <summary>A one-line text edit applied as the editor applies it.</summary>
    private static string Applied(string text, JsonNode edit)
    {
        var lines = text.Split('\n');
        var (line, start, end) = (edit["range"]!["start"]!["line"]!.GetValue<int>(), edit["range"]!["start"]!["character"]!.GetValue<int>(), edit["range"]!["end"]!["character"]!.GetValue<int>());
        Assert.Equal(line, edit["range"]!["end"]!["line"]!.GetValue<int>());
        lines[line] = lines[line][..start] + edit["newText"]!.GetValue<string>() + lines[line][end..];
        return string.Join('\n', lines);
    }

    private List<string> CompletionLabels(string text, int line, int character)
    {
        server.Initialize();
        server.Open(spec, text);
        return server.Request("textDocument/completion", LanguageServerClient.Position(spec, line, character))["result"]!["items"]!.AsArray()
            .OrderBy(i => i!["sortText"]!.GetValue<string>(), StringComparer.Ordinal)
            .Select(i => i!["label"]!.GetValue<string>()).ToList();
    }

    private static JsonObject Formatting(string path) => new()
    {
        ["textDocument"] = new JsonObject { ["uri"] = LanguageServerClient.Uri(path) },
        ["options"] = new JsonObject { ["tabSize"] = 2, ["insertSpaces"] = true },
    };
}
