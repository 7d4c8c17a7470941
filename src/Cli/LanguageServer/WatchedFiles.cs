using System.Text.Json.Nodes;

namespace DeepDsl.Cli.LanguageServer;

/// <summary>
/// workspace/didChangeWatchedFiles: the files on disk whose changes the diagnostics depend on, though the editor may not
/// have them open — the bases a spec `extends`, and the .editorconfig/.globalconfig files that set severities. The client
/// watches them (it has a file watcher; the server has no business running one), after the server registers the
/// watchers once `initialized` arrives, where the client can register dynamically.
/// </summary>
internal static class WatchedFiles
{
    /// <summary>The files whose change may change a spec's diagnostics: specs (any may be a base) and severity configurations.</summary>
    public static readonly IReadOnlyList<string> Globs = ["**/*.{yaml,yml}", "**/.editorconfig", "**/.globalconfig"];

    /// <summary>Whether a file sets severities: its change may change every open spec's diagnostics.</summary>
    public static bool IsSeverityConfiguration(string path) => Path.GetFileName(path) is ".editorconfig" or ".globalconfig";

    /// <summary>Whether the client said, in initialize, that it takes a dynamic registration of watched files.</summary>
    public static bool CanRegister(JsonObject initializeParameters) =>
        initializeParameters["capabilities"]?["workspace"]?["didChangeWatchedFiles"]?["dynamicRegistration"] is JsonValue value
        && value.TryGetValue<bool>(out var can) && can;

    /// <summary>The client/registerCapability request for <see cref="Globs"/> (the id is the server's own: the client answers it and the answer is only logged when it is an error).</summary>
    public static JsonObject Registration() => new()
    {
        ["jsonrpc"] = "2.0",
        ["id"] = "deepdsl/watch",
        ["method"] = "client/registerCapability",
        ["params"] = new JsonObject
        {
            ["registrations"] = new JsonArray(new JsonObject
            {
                ["id"] = "deepdsl/watch",
                ["method"] = "workspace/didChangeWatchedFiles",
                ["registerOptions"] = new JsonObject { ["watchers"] = new JsonArray([.. Globs.Select(g => (JsonNode)new JsonObject { ["globPattern"] = g })]) },
            }),
        },
    };

    /// <summary>The files a didChangeWatchedFiles notification names (created, changed or deleted: each may change what a spec reads); not `file:` ones are no spec's.</summary>
    public static IEnumerable<string> Changed(JsonObject parameters) =>
        (parameters["changes"] as JsonArray ?? throw new ResponseError(ResponseError.InvalidParams, "didChangeWatchedFiles needs changes"))
        .Select(change => change?["uri"] is JsonValue uri && uri.TryGetValue<string>(out var text) ? text
            : throw new ResponseError(ResponseError.InvalidParams, "a watched file's change needs a uri"))
        .Where(uri => Uri.TryCreate(uri, UriKind.Absolute, out var parsed) && parsed.IsFile)
        .Select(OpenDocuments.PathOf)
        .Distinct(StringComparer.Ordinal);
}
