using DeepDsl.Nn;
using DeepDsl.Nn.Activations;
using DeepDsl.Nn.Init;

namespace DeepDsl.Bench;

/// <summary>The chapter's exercise network: 3072 inputs, 20 dense layers of 100 ELU units with He init, 10 outputs.</summary>
internal static class ExerciseNetwork
{
    public static Sequential Create()
    {
        var layers = new List<Module>();
        long inputs = 3072;
        for (var i = 0; i < 20; i++)
        {
            layers.Add(new Linear(inputs, 100, kernelInitializer: Initializers.HeNormal));
            layers.Add(new ELU());
            inputs = 100;
        }
        // The 10-way softmax is folded into the cross-entropy loss, as in PyTorch.
        layers.Add(new Linear(inputs, 10));
        return new Sequential([.. layers]);
    }
}
