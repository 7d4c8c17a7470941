using System.Text.RegularExpressions;
using DeepDsl.Dsl.Diagnostics;
using DeepDsl.Dsl.Formatting;

namespace DeepDsl.Dsl.Tests;

/// <summary>
/// What the documentation shows can be copied (issue 19 item 11): every fenced YAML block that is a whole spec (it has a
/// top-level `name:`; blocks without one are fragments of a spec) is in `deepdsl fmt`'s canonical form, so the pre-commit
/// hook accepts a copy of it; and every spec file a command in the docs' shell blocks names exists.
/// </summary>
public sealed partial class DocumentedSpecTests
{
    private static IEnumerable<string> Documents() =>
        Directory.GetFiles(Path.Combine(Repository.Root, "docs"), "*.md", SearchOption.AllDirectories)
            .Append(Path.Combine(Repository.Root, "README.md"));

    [Fact]
    public void Every_whole_spec_in_the_docs_is_in_canonical_form()
    {
        var blocks = Documents().SelectMany(file => YamlBlock().Matches(File.ReadAllText(file)).Select(m => (File: file, Text: m.Groups[1].Value)))
            .Where(b => TopLevelName().IsMatch(b.Text)).ToList();
        Assert.True(blocks.Count >= 2, "the language reference shows whole specs");
        foreach (var (file, text) in blocks)
        {
            var diagnostics = new List<DslDiagnostic>();
            var formatted = SpecFormatter.Format("/docs/example.yaml", text, diagnostics);
            Assert.True(formatted == text, $"{Path.GetRelativePath(Repository.Root, file)}: a spec not in canonical form:\n{text}\n--- deepdsl fmt makes it:\n{formatted}");
        }
    }

    [Fact]
    public void Every_spec_file_the_docs_name_exists()
    {
        // Commands in the docs' shell blocks run in the repository; other paths in the prose are examples of a user's project.
        var named = Documents().SelectMany(file => ShellBlock().Matches(File.ReadAllText(file))
                .SelectMany(block => block.Groups[1].Value.Split('\n').Where(line => line.Contains("deepdsl ", StringComparison.Ordinal)))
                .SelectMany(line => SpecPath().Matches(line).Select(m => (File: file, Path: m.Value))))
            .ToList();
        Assert.Contains(named, n => n.Path == "experiments/quickstart-lr-seeds.yaml");
        foreach (var (file, path) in named)
            Assert.True(File.Exists(Path.Combine(Repository.Root, path)), $"{Path.GetRelativePath(Repository.Root, file)} names {path}, which does not exist");
    }

    [Fact]
    public void The_sweep_example_of_the_language_reference_is_the_file_it_names()
    {
        var language = File.ReadAllText(Path.Combine(Repository.Root, "docs", "language.md"));
        var example = YamlBlock().Matches(language).Select(m => m.Groups[1].Value).Single(b => b.Contains("name: base-lr-seeds\n", StringComparison.Ordinal));
        Assert.EndsWith(example, File.ReadAllText(Path.Combine(Repository.Root, "experiments", "base-lr-seeds.yaml")), StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^```ya?ml\n(.*?)^```", RegexOptions.Singleline | RegexOptions.Multiline)]
    private static partial Regex YamlBlock();

    [GeneratedRegex(@"^```(?:bash|sh|shell)\n(.*?)^```", RegexOptions.Singleline | RegexOptions.Multiline)]
    private static partial Regex ShellBlock();

    [GeneratedRegex("^name:", RegexOptions.Multiline)]
    private static partial Regex TopLevelName();

    // A spec path of the repository as commands in the docs name it (experiments/…/x.yaml).
    [GeneratedRegex(@"(?<![\w/.-])experiments/[\w./-]+\.yaml")]
    private static partial Regex SpecPath();
}
