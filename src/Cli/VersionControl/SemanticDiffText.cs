using DeepDsl.Dsl.Diffing;

namespace DeepDsl.Cli.VersionControl;

/// <summary>The lines a diff driver prints for a semantic diff: + added, - removed, ~ changed, one setting each.</summary>
internal static class SemanticDiffText
{
    public static IReadOnlyList<string> Lines(IReadOnlyList<SettingChange> changes) =>
        changes.Select(c => $"{Marker(c)} {c}").ToList();

    private static char Marker(SettingChange change) => change.Kind switch
    {
        "added" => '+',
        "removed" => '-',
        _ => '~',
    };
}
