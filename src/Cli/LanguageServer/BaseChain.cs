using DeepDsl.Dsl.Resolution;
using DeepDsl.Dsl.Syntax;

namespace DeepDsl.Cli.LanguageServer;

/// <summary>
/// The files a spec `extends`, nearest first, each parsed on its own (the merged tree keeps only the value that won, so
/// the line a base wrote is found in the base's own tree). Read through the file system the diagnostics use: the
/// project policy decides, and an open base is read as the editor has it. The chain ends quietly where the language
/// reports a problem (a cycle, a refused or missing base, a file that is not a mapping): the diagnostic says why.
/// </summary>
internal static class BaseChain
{
    // ExtendsResolver's limit: a longer chain is an error, with nothing to go to.
    private const int MaxDepth = 32;

    public static IEnumerable<(string Path, YMapping Root)> Of(string specPath, YNode? spec, ISpecFileSystem files)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { specPath };
        var (current, node) = (specPath, spec);
        for (var depth = 1; depth < MaxDepth && node is YMapping { } mapping && mapping["extends"] is YScalar { Kind: ScalarKind.String } extends; depth++)
        {
            string basePath;
            try
            {
                basePath = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(current)!, extends.Text));
            }
            catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
            {
                yield break;
            }
            if (!seen.Add(basePath) || files.ReadBase(specPath, basePath).Text is not { } text || YamlLoader.Load(basePath, text, []) is not YMapping baseRoot)
                yield break;
            yield return (basePath, baseRoot);
            (current, node) = (basePath, baseRoot);
        }
    }
}
