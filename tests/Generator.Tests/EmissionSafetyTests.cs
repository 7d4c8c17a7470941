using System.Globalization;
using System.Text;
using DeepDsl.Experiments;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DeepDsl.Generator.Tests;

/// <summary>
/// Spec text is untrusted: whatever a string field holds — line terminators, quotes, `*/`, `#line`, control
/// characters, lone surrogates, characters outside the BMP — the generated code has exactly the types and members
/// of a plain spec, compiles, and hands the string back unchanged; nothing else runs.
/// </summary>
public sealed class EmissionSafetyTests
{
    private static readonly string[] Hostile =
    [
        "\n}\n[System.Runtime.CompilerServices.ModuleInitializer] internal static void Boom() => System.Environment.Exit(3);\n",
        "\r\n#line 1 \"evil.cs\"\r\n", "*/ /* \" \\\" \\ \t", "\u2028 public static int Injected = 1; \u2029", "\u0085 ok \u000b\u000c\u0000\u0001\u007f",
        "\ud83d\ude00 emoji and \u00e9", "\ud800 lone high", "lone low \udc00", "</summary><script>", "#if false", "\"\"\" raw \"\"\"", "{0} {{}}",
    ];

    [Fact]
    public void Hostile_strings_in_every_string_field_give_the_types_and_members_of_a_plain_spec()
    {
        var baseline = Shape(Generate(Spec("plain", "plain", "cpu")).Tree);
        var standIn = Generate(Spec("plain", "plain", "cpu").Replace("epochs: 1", "epochs: 0"));
        Assert.Contains(standIn.Diagnostics, d => d.Contains(": error "));
        var standInShape = Shape(standIn.Tree);
        Assert.NotEqual(baseline, standInShape);
        var random = new Random(20261124);
        var checkedSamples = 0;
        foreach (var sample in Hostile.Concat(Enumerable.Range(0, 24).Select(_ => RandomString(random))))
        {
            foreach (var yaml in new[] { Spec(sample, "data", "cpu"), Spec("plain", sample, "cpu"), Spec("plain", "data", sample) })
            {
                var (tree, compilation, diagnostics, generatorDiagnostics) = Generate(yaml);
                var refused = diagnostics.Any(d => d.Contains(": error "));
                // The language may refuse the text (a YAML escape it cannot hold): a located error, never an internal one.
                // The classes are then stand-ins whose message quotes that error, or absent when the file cannot be
                // read as YAML at all (no name to give them).
                if (refused) Assert.DoesNotContain(diagnostics, d => d.Contains("internal error"));
                if (refused && tree is null) continue;
                Assert.True(tree is not null, $"{Escape(sample)}: no code; generator: {string.Join("; ", generatorDiagnostics)}");
                Assert.Equal(refused ? standInShape : baseline, Shape(tree));
                var errors = compilation!.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error).ToList();
                Assert.True(errors.Count == 0, $"{Escape(sample)}: {string.Join("; ", errors)}");
                if (!refused) checkedSamples++;
            }
        }
        Assert.True(checkedSamples > 45, $"only {checkedSamples} samples reached the generator");
    }

    [Fact]
    public void A_description_with_code_after_a_newline_comes_back_as_the_same_string_and_runs_nothing()
    {
        var description = Hostile[0];
        var harness = new GeneratorHarness();
        harness.Run([("/virtual/exp/a.yaml", Spec(description, "data", "cpu"))]);
        var experiment = harness.LoadExperiment("DeepDsl.Generated.AExperiment");
        // Loading the assembly and creating the experiment ran no module initializer: the process is still here to compare.
        Assert.Equal(description, experiment.Description);
        Assert.DoesNotContain(harness.Compiled!.SyntaxTrees.SelectMany(t => t.GetRoot().DescendantNodes().OfType<AttributeSyntax>()), a => a.ToString().Contains("ModuleInitializer"));
    }

    /// <summary>Every type and member declared in the generated file, and every directive: what must not change with the strings.</summary>
    private static string Shape(SyntaxTree? tree)
    {
        var root = tree!.GetRoot();
        var members = root.DescendantNodes().OfType<MemberDeclarationSyntax>().Select(m => m switch
        {
            BaseTypeDeclarationSyntax t => $"type {t.Identifier}",
            PropertyDeclarationSyntax p => $"property {p.Identifier}",
            MethodDeclarationSyntax m2 => $"method {m2.Identifier}",
            ConstructorDeclarationSyntax c => $"constructor {c.Identifier} static={c.Modifiers.Any(SyntaxKind.StaticKeyword)}",
            FieldDeclarationSyntax f => $"field {string.Join(",", f.Declaration.Variables.Select(v => v.Identifier))}",
            BaseNamespaceDeclarationSyntax n => $"namespace {n.Name}",
            _ => m.Kind().ToString(),
        });
        var directives = root.DescendantTrivia().Where(t => t.IsDirective).Select(t => t.GetStructure()!.Kind().ToString());
        return string.Join("\n", members.Concat(directives));
    }

    private static (SyntaxTree? Tree, Compilation? Compilation, List<string> Diagnostics, List<string> GeneratorDiagnostics) Generate(string yaml)
    {
        var path = "/virtual/exp/a.yaml";
        var harness = new GeneratorHarness();
        var result = harness.Run([(path, yaml)]);
        var tree = result.GeneratedTrees.FirstOrDefault(t => t.FilePath.EndsWith("A.g.cs", StringComparison.Ordinal));
        var diagnostics = DeepDsl.Dsl.SpecCompiler.Compile(path, new DeepDsl.Dsl.Resolution.InMemoryFileSystem(new Dictionary<string, string> { [path] = yaml }))
            .Diagnostics.Select(d => d.ToString()).ToList();
        return (tree, harness.Compiled, diagnostics, result.Diagnostics.Select(d => d.ToString()).ToList());
    }

    /// <summary>A small valid spec whose description, data path and device hold the given strings, as YAML double-quoted scalars.</summary>
    private static string Spec(string description, string dataPath, string device) => $"""
        name: a
        description: {Quote(description)}
        data: {"{"} dataset: cifar10, path: {Quote(dataPath)}, train_samples: 10, test_samples: 10 {"}"}
        model:
          input: [3, 32, 32]
          layers:
            - flatten
            - dense: {"{"} units: 10, activation: softmax {"}"}
        training:
          loss: sparse_categorical_crossentropy
          optimizer: sgd
          epochs: 1
          device: {Quote(device)}
        """;

    // YAML double-quoted: printable ASCII as is, everything else as \uXXXX (or \UXXXXXXXX for a pair), so any string gets through.
    private static string Quote(string text)
    {
        var yaml = new StringBuilder("\"");
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                yaml.Append("\\U").Append(char.ConvertToUtf32(c, text[++i]).ToString("X8", CultureInfo.InvariantCulture));
            else if (c == '"' || c == '\\') yaml.Append('\\').Append(c);
            else if (c >= ' ' && c < 0x7f) yaml.Append(c);
            else yaml.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
        }
        return yaml.Append('"').ToString();
    }

    private static string RandomString(Random random)
    {
        char[] alphabet = ['\n', '\r', '\u0085', '\u2028', '\u2029', '"', '\\', '*', '/', '#', '<', '>', '&', '{', '}', '\t', '\0', '\u001b', 'a', ' ', '\ud800', '\udfff', 'é'];
        var length = random.Next(1, 30);
        var text = new StringBuilder();
        for (var i = 0; i < length; i++)
        {
            if (random.Next(6) == 0) text.Append(char.ConvertFromUtf32(random.Next(0x10000, 0x10FFFF)));
            else if (random.Next(8) == 0) text.Append("*/#line 1 \"x\"\n");
            else text.Append(alphabet[random.Next(alphabet.Length)]);
        }
        return text.ToString();
    }

    private static string Escape(string text) => string.Concat(text.Select(c => c < ' ' || c > '~' ? $"\\u{(int)c:x4}" : c.ToString()));
}
