using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using DeepDsl.Dsl.Diagnostics;
using DeepDsl.Dsl.Schema;
using DeepDsl.Dsl.Syntax;

namespace DeepDsl.Dsl.Resolution;

/// <summary>
/// Follows `extends:` chains (paths relative to the file that names them), reports missing, refused and
/// non-spec files and cycles (with the whole chain) in the file that holds the `extends`, and merges the chain.
/// A spec is untrusted: what its `extends` may open is the file system's decision (<see cref="ISpecFileSystem.ReadBase"/>),
/// and a base that is not a spec is reported without quoting what it holds.
/// </summary>
public sealed class ExtendsResolver
{
    private const int MaxDepth = 32;
    private readonly ISpecFileSystem files;
    private readonly List<DslDiagnostic> diagnostics;
    private string rootSpec = "";

    public ExtendsResolver(ISpecFileSystem files, List<DslDiagnostic> diagnostics)
    {
        this.files = files;
        this.diagnostics = diagnostics;
    }

    /// <summary>
    /// The chain: the spec itself, then each base it took, nearest first (a base left out — refused, missing, no spec,
    /// a cycle — is not in it; the diagnostic says why). The language server goes to definitions along this list.
    /// </summary>
    public List<string> Files { get; } = [];

    /// <summary>Whether a base was left out (not found, refused, not a spec, a cycle): the keys it would have supplied are unknown, not missing.</summary>
    public bool LeftOutABase { get; private set; }

    public YNode? Resolve(string fullPath)
    {
        var read = files.Read(fullPath);
        if (read.Text is not { } text)
        {
            diagnostics.Add(new DslDiagnostic(Descriptors.ExtendsNotFound.Id, DiagnosticSeverity.Error, $"cannot read {fullPath}: {read.Problem}", SourceLocation.StartOf(fullPath)));
            return null;
        }
        rootSpec = fullPath;
        return Resolve(fullPath, text, [fullPath], null);
    }

    /// <param name="extendedBy">The `extends` value that named this file, or null for the spec itself.</param>
    private YNode? Resolve(string fullPath, string text, List<string> chain, YScalar? extendedBy)
    {
        // A base is loaded apart: if it is not a YAML mapping it is no spec, and its parse errors would quote a stranger's file.
        var loaded = new List<DslDiagnostic>();
        var root = YamlLoader.Load(fullPath, text, loaded);
        // A YAML mapping none of whose keys the language knows (/etc/shadow reads as one) is no spec either.
        if (extendedBy is not null && (root is not YMapping baseMapping || !baseMapping.Entries.Any(e => LanguageSchema.Experiment.Find(e.Key.Text) is not null)))
        {
            Report(Descriptors.ExtendsNotFound, extendedBy, $"extends: {Quoted.Value(extendedBy.Text)} is not a DeepDsl spec (a spec is a YAML mapping with keys such as name, model, training)");
            return null;
        }
        Files.Add(fullPath);
        diagnostics.AddRange(loaded);
        if (root is not YMapping mapping || mapping["extends"] is not YScalar { Kind: ScalarKind.String } extends) return root;

        var own = new YMapping(mapping.Entries.Where(e => e.Key.Text != "extends").ToList(), mapping.Location);
        string basePath;
        try
        {
            basePath = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(fullPath) ?? "", extends.Text));
        }
        catch (Exception error) when (error is ArgumentException or NotSupportedException or PathTooLongException)
        {
            Report(Descriptors.ExtendsNotFound, extends, $"extends: {Quoted.Value(extends.Text)} is not a valid path");
            return own;
        }
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
        var read = files.ReadBase(rootSpec, basePath);
        if (read.Text is not { } baseText)
        {
            if (read.IsRefusal) Report(Descriptors.ExtendsRefused, extends, $"extends: {Quoted.Value(extends.Text)} may not be used: {read.Problem}");
            else Report(Descriptors.ExtendsNotFound, extends, $"extends: cannot find {Quoted.Value(extends.Text)} ({read.Problem})");
            return own;
        }
        var baseTree = Resolve(basePath, baseText, [.. chain, basePath], extends);
        return baseTree is null ? own : TreeMerger.Merge(baseTree, own);
    }

    private void Report(DiagnosticDescriptor descriptor, YNode at, string message)
    {
        // Every report here is about a base that is then left out.
        LeftOutABase = true;
        diagnostics.Add(new DslDiagnostic(descriptor.Id, descriptor.DefaultSeverity, message, at.Location));
    }
}
