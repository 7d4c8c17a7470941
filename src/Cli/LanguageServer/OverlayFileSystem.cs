using DeepDsl.Cli.Specs;
using DeepDsl.Dsl.Resolution;

namespace DeepDsl.Cli.LanguageServer;

/// <summary>
/// The CLI's disk reader with the editor's unsaved texts laid over it: an open document is read from the editor, any
/// other file from the disk through <see cref="ProjectFileSystem"/>. The project policy is asked first either way, so an
/// `extends` outside the project is refused exactly as `deepdsl validate` refuses it, open in the editor or not.
/// </summary>
internal sealed class OverlayFileSystem(OpenDocuments documents) : ISpecFileSystem
{
    public SpecFileRead Read(string fullPath) =>
        documents.ByPath(fullPath) is { } open ? SpecFileRead.Of(open.Text) : ProjectFileSystem.Instance.Read(fullPath);

    public SpecFileRead ReadBase(string rootSpec, string fullPath) =>
        ProjectFileSystem.Refusal(rootSpec, fullPath)
        ?? Read(fullPath);
}
