using System.Diagnostics;
using DeepDsl.Optim;
using DeepDsl.Torch;

namespace DeepDsl.Bench;

/// <summary>
/// Times one training epoch of the exercise network (Nadam, cross entropy) over 50,000 random
/// examples, the same loop as bench/pytorch_epoch.py: shuffle, gather the batch by index, forward,
/// loss, backward, step. The loss is summed on the device, so no step waits on a host read.
/// </summary>
internal static class EpochBenchmark
{
    public static double Run(int batchSize, Device? device = null, int examples = 50_000, int warmupSteps = 50)
    {
        var on = device ?? Device.CPU;
        torch.manual_seed(42);
        using var model = ExerciseNetwork.Create();
        model.to(on);
        using var optimizer = new Nadam(model.parameters(), learningRate: 5e-5);
        using var x = torch.randn([examples, 3072]).to(on).DetachFromDisposeScope();
        using var y = torch.randint(0, 10, [examples]).to(on).DetachFromDisposeScope();

        Epoch(model, optimizer, x, y, batchSize, maxSteps: warmupSteps);
        var stopwatch = Stopwatch.StartNew();
        var loss = Epoch(model, optimizer, x, y, batchSize, maxSteps: int.MaxValue);
        stopwatch.Stop();
        if (!double.IsFinite(loss)) throw new InvalidOperationException("benchmark diverged");
        return stopwatch.Elapsed.TotalSeconds;
    }

    private static double Epoch(Nn.Module model, Optimizer optimizer, Tensor x, Tensor y, int batchSize, int maxSteps)
    {
        using var scope = torch.NewDisposeScope();
        var examples = x.size(0);
        var permutation = torch.randperm(examples).to(x.device);
        var total = torch.zeros([], device: x.device);
        var steps = 0;
        for (long start = 0; start < examples && steps < maxSteps; start += batchSize, steps++)
        {
            using var step = torch.NewDisposeScope();
            var index = permutation.narrow(0, start, Math.Min(batchSize, examples - start));
            var logits = model.forward(x.index_select(0, index));
            var loss = torch.nn.functional.cross_entropy(logits, y.index_select(0, index));
            optimizer.zero_grad();
            loss.backward();
            optimizer.step();
            using (torch.no_grad()) total.add_(loss.detach());
        }
        // item() waits for the device, so the time covers every step's work on a GPU too.
        return total.item<double>();
    }
}
