using System.Collections.Generic;

namespace DeepDsl.Dsl.Resolution;

/// <summary>Specs held in memory by full path (the generator's additional files, tests): only these can be reached.</summary>
public sealed class InMemoryFileSystem : ISpecFileSystem
{
    private readonly IReadOnlyDictionary<string, string> files;

    public InMemoryFileSystem(IReadOnlyDictionary<string, string> files) => this.files = files;

    public SpecFileRead Read(string fullPath) =>
        files.TryGetValue(fullPath, out var text) ? SpecFileRead.Of(text) : SpecFileRead.Missing($"looked for {fullPath}");

    public SpecFileRead ReadBase(string rootSpec, string fullPath) =>
        files.TryGetValue(fullPath, out var text) ? SpecFileRead.Of(text) : SpecFileRead.Missing($"looked for {fullPath} among the project's YAML files");
}
