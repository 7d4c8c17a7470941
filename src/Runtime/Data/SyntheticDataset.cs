using DeepDsl.Experiments;
using DeepDsl.Torch;

namespace DeepDsl.Data;

/// <summary>
/// Seeded Gaussian clusters: one random centre per class, examples scattered around it with the
/// given noise. Learnable (a linear model separates them), reproducible, and needs no files.
/// </summary>
public static class SyntheticDataset
{
    public static (Tensor X, Tensor Y, Tensor TestX, Tensor TestY) Generate(SyntheticSource source)
    {
        using var scope = torch.NewDisposeScope();
        torch.manual_seed(source.Seed);
        var features = source.InputShape.Aggregate(1L, (a, b) => a * b);
        var centres = torch.randn([source.Classes, features]).mul(2.0);
        (Tensor, Tensor) Draw(int count)
        {
            var labels = torch.randint(0, source.Classes, [count]);
            var x = centres.index_select(0, labels) + torch.randn([count, features]).mul(source.Noise);
            return (x.reshape([count, .. source.InputShape]), labels);
        }
        var (trainX, trainY) = Draw(source.Samples);
        var (testX, testY) = Draw(source.TestSamples);
        return (trainX.MoveToOuterDisposeScope(), trainY.MoveToOuterDisposeScope(), testX.MoveToOuterDisposeScope(), testY.MoveToOuterDisposeScope());
    }
}
