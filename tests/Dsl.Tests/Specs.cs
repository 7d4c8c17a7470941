using DeepDsl.Dsl;
using DeepDsl.Dsl.Diagnostics;
using DeepDsl.Dsl.Resolution;

namespace DeepDsl.Dsl.Tests;

/// <summary>Builds specs in memory from a valid base and a change, compiles them, and finds diagnostics by id.</summary>
internal static class Specs
{
    public const string Valid = """
        name: test
        data: { dataset: cifar10, validation: 1000 }
        model:
          input: [3, 32, 32]
          layers:
            - flatten
            - dense: { units: 50, activation: elu, kernel_init: he_normal }
            - dense: { units: 10, activation: softmax }
        training:
          loss: sparse_categorical_crossentropy
          optimizer: { nadam: { learning_rate: 0.001 } }
          epochs: 5
        """;

    public const string Selu = """
        name: selu
        data: { dataset: cifar10, validation: 1000, standardize: true }
        model:
          input: [3, 32, 32]
          layers:
            - flatten
            - dense: { units: 50, activation: selu, kernel_init: lecun_normal }
            - dense: { units: 50, activation: selu, kernel_init: lecun_normal }
            - dense: { units: 10, activation: softmax }
        training:
          loss: sparse_categorical_crossentropy
          optimizer: nadam
          epochs: 5
        """;

    /// <summary>A small ResNet-style CNN on CIFAR-10: convolutions, pooling, a residual block that projects, global pooling.</summary>
    public const string Cnn = """
        name: cnn
        data: { dataset: cifar10, validation: 1000 }
        model:
          input: [3, 32, 32]
          layers:
            - conv2d: { filters: 16, kernel_size: 3, padding: same, activation: relu, kernel_init: he_normal }
            - batch_norm
            - residual:
                layers:
                  - conv2d: { filters: 32, kernel_size: 3, strides: 2, padding: same, activation: relu, kernel_init: he_normal }
                  - conv2d: { filters: 32, kernel_size: 3, padding: same, kernel_init: he_normal }
                activation: relu
            - max_pool2d
            - global_avg_pool2d
            - dense: { units: 10, activation: softmax }
        training:
          loss: sparse_categorical_crossentropy
          optimizer: { nadam: { learning_rate: 0.001 } }
          epochs: 5
        """;

    public static SpecCompilation Compile(string text, params (string Name, string Text)[] others)
    {
        var files = new Dictionary<string, string> { ["/specs/spec.yaml"] = text };
        foreach (var (name, body) in others) files["/specs/" + name] = body;
        return SpecCompiler.Compile("/specs/spec.yaml", new InMemoryFileSystem(files));
    }

    public static DslDiagnostic Single(SpecCompilation compilation, string id)
    {
        var found = compilation.Diagnostics.Where(d => d.Id == id).ToList();
        Assert.True(found.Count == 1, $"expected one {id}, got: {string.Join("; ", compilation.Diagnostics)}");
        return found[0];
    }

    /// <summary>1-based line and column of the first occurrence of <paramref name="needle"/> at or after line <paramref name="fromLine"/>.</summary>
    public static (int Line, int Column) Find(string text, string needle, int fromLine = 1)
    {
        var lines = text.Split('\n');
        for (var i = fromLine - 1; i < lines.Length; i++)
        {
            var column = lines[i].IndexOf(needle, StringComparison.Ordinal);
            if (column >= 0) return (i + 1, column + 1);
        }
        throw new ArgumentException($"'{needle}' not in the spec");
    }

    public static void AssertAt(DslDiagnostic diagnostic, DiagnosticSeverity severity, (int Line, int Column) at, string file = "/specs/spec.yaml")
    {
        Assert.Equal(severity, diagnostic.Severity);
        Assert.Equal(file, diagnostic.Location.File);
        Assert.Equal(at, (diagnostic.Location.StartLine + 1, diagnostic.Location.StartColumn + 1));
    }
}
