namespace DeepDsl.Dsl.Registry;

/// <summary>Every loss of the language, declared once (Keras names).</summary>
public static class Losses
{
    public static readonly Registry<LossDeclaration> Registry = new("loss", [
        new("sparse_categorical_crossentropy", "Cross-entropy with integer class labels.", "SparseCategoricalCrossentropy", LossTarget.Classes),
        new("categorical_crossentropy", "Cross-entropy with one-hot labels.", "CategoricalCrossentropy", LossTarget.Classes),
        new("binary_crossentropy", "Cross-entropy of one sigmoid unit against 0/1 labels.", "BinaryCrossentropy", LossTarget.Binary),
        new("mse", "Mean squared error.", "MeanSquaredError", LossTarget.Any),
    ]);

    public static LossDeclaration Get(string name, string asker) => Registry.Get(name, asker);
}
