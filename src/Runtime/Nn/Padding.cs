namespace DeepDsl.Nn;

/// <summary>How a convolution or pooling layer pads its input, as Keras's <c>padding</c> argument.</summary>
public enum Padding
{
    /// <summary>No padding: only windows that fit inside the input.</summary>
    Valid,

    /// <summary>
    /// TensorFlow's "same": ceil(input / stride) outputs per dimension, the padding split evenly with the odd cell at the
    /// bottom or right — for any stride and any kernel size, unlike PyTorch's padding="same".
    /// </summary>
    Same,
}
