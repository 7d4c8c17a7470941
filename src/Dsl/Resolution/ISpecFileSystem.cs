namespace DeepDsl.Dsl.Resolution;

/// <summary>
/// Where spec texts come from. The resolver never touches the disk itself: the CLI reads files through
/// its guarded reader, the Roslyn generator hands over its additional files (analyzers may not do IO).
/// </summary>
public interface ISpecFileSystem
{
    /// <summary>A file the user named (a spec on the command line, a .editorconfig above it).</summary>
    SpecFileRead Read(string fullPath);

    /// <summary>
    /// A file that a spec names in `extends:`. The spec is untrusted, so an implementation decides what it
    /// may reach from <paramref name="rootSpec"/>, the spec being compiled (on disk: regular files inside its project).
    /// </summary>
    SpecFileRead ReadBase(string rootSpec, string fullPath);
}
