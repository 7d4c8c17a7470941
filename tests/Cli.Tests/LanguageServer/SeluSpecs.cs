namespace DeepDsl.Cli.Tests.LanguageServer;

/// <summary>The spec the language server's tests open: a SELU network whose first layer is initialized the wrong way.</summary>
internal static class SeluSpecs
{
    /// <summary>DDSL101 on line 5 (0-based): he_normal, at characters 56 to 65, with a comment after it.</summary>
    public const string WithHeNormal = """
        name: selu-net
        data: { dataset: synthetic, samples: 100, classes: 2, standardize: true }
        model:
          input: [4]
          layers:
            - dense: { units: 8, activation: selu, kernel_init: he_normal } # keep me
            - dense: { units: 2, activation: softmax }
        training:
          loss: sparse_categorical_crossentropy
          optimizer: sgd
          epochs: 1

        """;
}
