using DeepDsl.Torch;
using F = DeepDsl.Torch.torch.nn.functional;

namespace DeepDsl.Runtime.Tests.Torch;

/// <summary>10,000 training steps inside dispose scopes leave native memory flat: RSS after step 10,000 within 5% of after step 1,000.</summary>
public sealed class NativeMemoryTests
{
    [Fact]
    public void Ten_thousand_training_steps_in_dispose_scopes_keep_resident_memory_flat()
    {
        using var outer = torch.NewDisposeScope();
        torch.manual_seed(1);
        var w1 = (torch.randn([64, 32]) * 0.1).requires_grad_();
        var b1 = torch.zeros([64], requires_grad: true);
        var w2 = (torch.randn([10, 64]) * 0.1).requires_grad_();
        var b2 = torch.zeros([10], requires_grad: true);
        Tensor[] parameters = [w1, b1, w2, b2];
        var x = torch.randn([256, 32]);
        var y = torch.randint(0, 10, [256]);

        double firstLoss = 0, lastLoss = 0;
        long rssAt1000 = 0;
        for (var step = 1; step <= 10_000; step++)
        {
            using (var scope = torch.NewDisposeScope())
            {
                var batch = torch.randint(0, 256, [32]);
                var hidden = F.elu(F.linear(x.index_select(0, batch), w1, b1), 1.0);
                var loss = F.cross_entropy(F.linear(hidden, w2, b2), y.index_select(0, batch));
                loss.backward();
                using (torch.no_grad())
                    foreach (var p in parameters)
                    {
                        var grad = p.grad!;
                        p.add_(grad, -0.05);
                        grad.zero_();
                    }
                if (step <= 100) firstLoss += loss.item<double>();
                if (step > 9_900) lastLoss += loss.item<double>();
            }
            if (step == 1_000) rssAt1000 = ResidentBytes();
        }
        var rssAt10000 = ResidentBytes();

        Assert.True(lastLoss < firstLoss, $"the loop should train: mean loss {firstLoss / 100:F3} over the first 100 steps, {lastLoss / 100:F3} over the last 100");
        Assert.True(rssAt10000 <= rssAt1000 * 1.05, $"RSS grew from {rssAt1000 / 1e6:F1} MB after step 1,000 to {rssAt10000 / 1e6:F1} MB after step 10,000");
    }

    [Fact]
    public void Tensors_left_to_a_dispose_scope_do_not_accumulate_in_the_enclosing_one()
    {
        using var outer = torch.NewDisposeScope();
        var w = torch.ones([4], requires_grad: true);
        for (var i = 0; i < 100; i++)
        {
            using var scope = torch.NewDisposeScope();
            (w * 2.0).sum().backward();
            using (torch.no_grad()) w.grad!.zero_();
        }
        Assert.Equal(1, outer.Count);
    }

    /// <summary>Resident set size from /proc/self/statm (its second field, in pages): native allocations included, unlike GC numbers.</summary>
    private static long ResidentBytes() =>
        long.Parse(File.ReadAllText("/proc/self/statm").Split(' ')[1]) * Environment.SystemPageSize;
}
