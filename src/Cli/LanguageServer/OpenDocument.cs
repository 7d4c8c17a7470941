namespace DeepDsl.Cli.LanguageServer;

/// <summary>A document the editor has open: its URI, the file it stands for, the editor's version and its unsaved text.</summary>
internal sealed record OpenDocument(string Uri, string Path, int Version, string Text);
