using DeepDsl.Nn;
using DeepDsl.Torch;
using DeepDsl.Training;

namespace DeepDsl.Pruning;

/// <summary>
/// Magnitude pruning, layer by layer: in each dense layer's weight matrix the smallest-magnitude
/// fraction of weights is set to zero (biases and batch-norm parameters are kept), giving the
/// chapter's sparse model. The masks stay applied while fine-tuning (see <see cref="Callback"/>).
/// </summary>
public sealed class MagnitudePruning : IDisposable
{
    private readonly List<(string Name, Tensor Weight, Tensor Mask)> masks = [];

    private MagnitudePruning() { }

    public static MagnitudePruning Prune(Module model, double sparsity)
    {
        if (sparsity is < 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(sparsity), sparsity, "sparsity must be in [0, 1)");
        var pruning = new MagnitudePruning();
        using var noGrad = torch.no_grad();
        foreach (var (name, module) in model.named_modules())
        {
            if (module is not Linear linear) continue;
            var weight = linear.weight;
            var magnitudes = weight.abs().DetachFromDisposeScope();
            var values = magnitudes.to(ScalarType.Float32).ToArray<float>();
            var count = (int)Math.Floor(sparsity * values.Length);
            Tensor mask;
            if (count == 0)
            {
                mask = torch.ones(weight.shape, device: weight.device);
            }
            else
            {
                Array.Sort(values);
                // Keep weights strictly above the count-th smallest magnitude.
                using var above = magnitudes.gt(values[count - 1]);
                mask = above.to(weight.dtype);
            }
            magnitudes.Dispose();
            mask.DetachFromDisposeScope();
            weight.mul_(mask);
            pruning.masks.Add((name.Length == 0 ? "weight" : $"{name}.weight", weight, mask));
        }
        return pruning;
    }

    /// <summary>Per dense layer, the fraction of zero weights now.</summary>
    public IReadOnlyList<LayerSparsity> Report()
    {
        using var scope = torch.NewDisposeScope();
        return masks.Select(m => new LayerSparsity(m.Name, m.Weight.numel(), m.Weight.eq(0.0).sum().item<long>())).ToList();
    }

    /// <summary>Re-applies the masks after every optimizer step, so fine-tuning cannot revive pruned weights.</summary>
    public ITrainingCallback Callback => new MaskCallback(this);

    private void Apply()
    {
        using var noGrad = torch.no_grad();
        foreach (var (_, weight, mask) in masks) weight.mul_(mask);
    }

    public void Dispose()
    {
        foreach (var (_, _, mask) in masks) mask.Dispose();
        masks.Clear();
    }

    private sealed class MaskCallback(MagnitudePruning pruning) : ITrainingCallback
    {
        public void OnBatchEnd(TrainingState state, BatchProgress progress) => pruning.Apply();
    }
}
