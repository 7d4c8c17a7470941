using System.Collections.Frozen;

namespace DeepDsl.Cli.Board;

/// <summary>
/// The board's pages, scripts, styles and charting library, embedded in deepdsl (Board/Assets and Board.targets): served by
/// name from this fixed set only, so no request reaches the file system through them.
/// </summary>
internal static class BoardAssets
{
    private const string Prefix = "DeepDsl.Cli.Board.Assets.";

    private static readonly FrozenDictionary<string, string> ContentTypes = new Dictionary<string, string>
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".svg"] = "image/svg+xml",
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<string, byte[]> Files = Load();

    /// <summary>The asset <paramref name="name"/> and its content type, or null when the board has no such asset.</summary>
    public static (byte[] Bytes, string ContentType)? Find(string name) =>
        Files.TryGetValue(name, out var bytes) ? (bytes, ContentTypes[Path.GetExtension(name)]) : null;

    private static FrozenDictionary<string, byte[]> Load()
    {
        var assembly = typeof(BoardAssets).Assembly;
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            var name = resource[Prefix.Length..];
            if (!ContentTypes.ContainsKey(Path.GetExtension(name)))
                throw new InvalidOperationException($"internal error: board asset {name} has no content type");
            files[name] = copy.ToArray();
        }
        return files.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
