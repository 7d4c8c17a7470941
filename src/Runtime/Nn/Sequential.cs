using DeepDsl.Torch;

namespace DeepDsl.Nn;

/// <summary>Modules applied one after another; children are named "0", "1", … as in PyTorch.</summary>
public sealed class Sequential : Module
{
    private readonly Module[] layers;

    public Sequential(params Module[] layers)
    {
        this.layers = layers;
        for (var i = 0; i < layers.Length; i++) RegisterModule(i.ToString(System.Globalization.CultureInfo.InvariantCulture), layers[i]);
    }

    public IReadOnlyList<Module> Layers => layers;

    public override Tensor forward(Tensor input)
    {
        var x = input;
        foreach (var layer in layers) x = layer.forward(x);
        return x;
    }
}
