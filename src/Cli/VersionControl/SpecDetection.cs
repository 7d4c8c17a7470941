using System.Text.RegularExpressions;

namespace DeepDsl.Cli.VersionControl;

/// <summary>
/// Which YAML files are experiment specs, for the git features that meet every YAML file of a
/// repository (CI workflows, data cards): a .yaml/.yml file with a top-level `model:` or `extends:`.
/// </summary>
internal static class SpecDetection
{
    private static readonly Regex TopLevelSpecKey = new(@"^(model|extends)[ \t]*:", RegexOptions.Multiline | RegexOptions.CultureInvariant);

    public static bool IsYaml(string path) =>
        path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);

    public static bool LooksLikeSpec(string path, string text) => IsYaml(path) && TopLevelSpecKey.IsMatch(text);
}
