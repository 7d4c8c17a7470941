using DeepDsl.Torch;
using F = DeepDsl.Torch.torch.nn.functional;

namespace DeepDsl.Runtime.Tests.Torch;

/// <summary>10,000 training steps inside dispose scopes leave native memory flat: RSS after step 10,000 within 5% of after step 1,000.</summary>
public sealed class NativeMemoryTests
{
    [Fact]
    public void Ten_thousand_training_steps_in_dispose_scopes_keep_resident_memory_flat()
    {
        torch.manual_seed(1);
        using var model = new DeepDsl.Nn.Sequential(new DeepDsl.Nn.Linear(64, 64), new DeepDsl.Nn.Activations.ELU(), new DeepDsl.Nn.Linear(64, 10));
        using var optimizer = new DeepDsl.Optim.Nadam(model.parameters(), 1e-3);
        using var x = torch.randn([256, 64]).DetachFromDisposeScope();
        using var y = torch.randint(0, 10, [256]).DetachFromDisposeScope();
        long rssAt1000 = 0;
        for (var step = 1; step <= 10_000; step++)
        {
            using (torch.NewDisposeScope())
            {
                var index = torch.randint(0, 256, [32]);
                var loss = F.cross_entropy(model.forward(x.index_select(0, index)), y.index_select(0, index));
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
            }
            if (step == 1_000)
            {
                GC.Collect();
                rssAt1000 = ResidentBytes();
            }
        }
        GC.Collect();
        var rssAt10000 = ResidentBytes();
        Assert.True(rssAt10000 <= rssAt1000 * 1.05, $"RSS grew from {rssAt1000 / 1e6:F1} MB to {rssAt10000 / 1e6:F1} MB");
    }

    private static long ResidentBytes()
    {
        var pages = long.Parse(File.ReadAllText("/proc/self/statm").Split(' ')[1]);
        return pages * Environment.SystemPageSize;
    }
}
