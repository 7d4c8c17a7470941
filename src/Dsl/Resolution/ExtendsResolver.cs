using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using DeepDsl.Dsl.Diagnostics;
using DeepDsl.Dsl.Syntax;

namespace DeepDsl.Dsl.Resolution;

/// <summary>
/// Follows `extends:` chains (paths relative to the file that names them), reports missing files
/// and cycles (with the whole chain) in the file that holds the `extends`, and merges the chain.
/// </summary>
public sealed class ExtendsResolver
{
    private const int MaxDepth = 32;
    private readonly ISpecFileSystem files;
    private readonly List<DslDiagnostic> diagnostics;

    public ExtendsResolver(ISpecFileSystem files, List<DslDiagnostic> diagnostics)
    {
        this.files = files;
        this.diagnostics = diagnostics;
    }

    /// <summary>Every file read while resolving, the spec itself first.</summary>
    public List<string> Files { get; } = [];

    public YNode? Resolve(string fullPath)
    {
        if (!files.TryRead(fullPath, out var text))
        {
            diagnostics.Add(new DslDiagnostic(Descriptors.ExtendsNotFound.Id, DiagnosticSeverity.Error, $"cannot read {fullPath}", SourceLocation.StartOf(fullPath)));
            return null;
        }
        return Resolve(fullPath, text, [fullPath]);
    }

    private YNode? Resolve(string fullPath, string text, List<string> chain)
    {
        Files.Add(fullPath);
        var root = YamlLoader.Load(fullPath, text, diagnostics);
        if (root is not YMapping mapping || mapping["extends"] is not YScalar { Kind: ScalarKind.String } extends) return root;

        var own = new YMapping(mapping.Entries.Where(e => e.Key.Text != "extends").ToList(), mapping.Location);
        var basePath = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(fullPath) ?? "", extends.Text));
        if (chain.Contains(basePath, StringComparer.Ordinal))
        {
            Report(Descriptors.ExtendsCycle, extends, $"extends forms a cycle: {string.Join(" → ", chain.Append(basePath).Select(Path.GetFileName))}");
            return own;
        }
        if (chain.Count >= MaxDepth)
        {
            Report(Descriptors.ExtendsCycle, extends, $"extends chain is deeper than {MaxDepth} files");
            return own;
        }
        if (!files.TryRead(basePath, out var baseText))
        {
            Report(Descriptors.ExtendsNotFound, extends, $"extends: cannot find '{extends.Text}' (looked for {basePath})");
            return own;
        }
        var baseTree = Resolve(basePath, baseText, [.. chain, basePath]);
        return baseTree is null ? own : TreeMerger.Merge(baseTree, own);
    }

    private void Report(DiagnosticDescriptor descriptor, YNode at, string message) =>
        diagnostics.Add(new DslDiagnostic(descriptor.Id, descriptor.DefaultSeverity, message, at.Location));
}
