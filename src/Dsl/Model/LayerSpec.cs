using DeepDsl.Dsl.Shapes;

namespace DeepDsl.Dsl.Model;

/// <summary>
/// One layer after `repeat` expansion: its stable name, and <paramref name="Path"/>, the key path of
/// the YAML that declared it (inside a repeat: the template's), for locating diagnostics. Each kind knows
/// what it makes of its input shape and how many parameters it learns (as Keras's compute_output_shape).
/// </summary>
public abstract record LayerSpec(string Name, string Path)
{
    public abstract string Kind { get; }

    /// <summary>The shape of one example after this layer, or why the layer cannot take <paramref name="input"/>.</summary>
    public abstract ShapeResult Output(TensorShape input);

    /// <summary>Learned parameters (PyTorch's count: batch norm's running statistics are buffers, not parameters).</summary>
    public virtual long Parameters(TensorShape input, TensorShape output) => 0;

    /// <summary>A Keras-style type name for the model summary.</summary>
    public virtual string SummaryType => Kind;
}
