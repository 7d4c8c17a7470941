using System.Collections.Generic;

namespace DeepDsl.Dsl.Resolution;

/// <summary>Specs held in memory by full path (the generator's additional files, tests).</summary>
public sealed class InMemoryFileSystem : ISpecFileSystem
{
    private readonly IReadOnlyDictionary<string, string> files;

    public InMemoryFileSystem(IReadOnlyDictionary<string, string> files) => this.files = files;

    public bool TryRead(string fullPath, out string text) => files.TryGetValue(fullPath, out text!);
}
