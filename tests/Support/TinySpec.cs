namespace DeepDsl.Tests.Support;

/// <summary>The smallest spec the CLI compiles and trains in a second: one softmax layer on synthetic data, one epoch.</summary>
public static class TinySpec
{
    public const string Text = """
        name: tiny
        data: { dataset: synthetic, samples: 100, classes: 2 }
        model:
          input: [4]
          layers:
            - dense: { units: 2, activation: softmax }
        training:
          loss: sparse_categorical_crossentropy
          optimizer: sgd
          epochs: 1
        """;

    /// <summary>The tiny spec as <paramref name="name"/>, with <paramref name="data"/> after `dataset: synthetic,` and an optional line after the name.</summary>
    public static string Named(string name, string data = "samples: 100, classes: 2", string line = "") =>
        Text.Replace("name: tiny", $"name: {name}{(line.Length == 0 ? "" : "\n" + line)}").Replace("samples: 100, classes: 2", data) + "\n";
}
