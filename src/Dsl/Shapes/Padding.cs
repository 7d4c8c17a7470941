namespace DeepDsl.Dsl.Shapes;

/// <summary>The padding modes of convolutions and pools, as Keras names them.</summary>
public static class Padding
{
    /// <summary>No padding: the window stays inside the input.</summary>
    public const string Valid = "valid";

    /// <summary>TensorFlow's same: ceil(input / stride) outputs, the odd padded pixel at the bottom and right.</summary>
    public const string Same = "same";

    public static readonly string[] All = [Valid, Same];
}
