namespace DeepDsl.Dsl.Resolution;

/// <summary>
/// Where spec texts come from. The resolver never touches the disk itself: the CLI reads files, the
/// Roslyn generator hands over its additional files (analyzers may not do IO).
/// </summary>
public interface ISpecFileSystem
{
    bool TryRead(string fullPath, out string text);
}
