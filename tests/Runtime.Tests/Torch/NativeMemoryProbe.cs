using System.Runtime.InteropServices;
using DeepDsl.Torch;
using F = DeepDsl.Torch.torch.nn.functional;

namespace DeepDsl.Runtime.Tests.Torch;

/// <summary>
/// The training loop whose memory <see cref="NativeMemoryTests"/> measures, run in a process of its own (`dotnet
/// DeepDsl.Runtime.Tests.dll native-memory-probe`): 10,000 steps inside dispose scopes, printing the native heap in use
/// (glibc's malloc, which libtorch's CPU allocator draws on) after steps 1,000 and 10,000 and the mean loss of its first
/// and last 100 steps. Alone in its process, no other test's allocations can move the number (issue 19 item 12: RSS went
/// 325 → 342 MB in a busy test host); the heap in use, unlike the resident set size, leaves out the GC's heap.
/// </summary>
internal static partial class NativeMemoryProbe
{
    public const string Command = "native-memory-probe";

    /// <param name="leak">Keep each step's hidden activations alive (moved out of the step's scope): a leak the measure must see.</param>
    public static int Run(TextWriter output, bool leak = false)
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
        long heldAt1000 = 0;
        for (var step = 1; step <= 10_000; step++)
        {
            using (torch.NewDisposeScope())
            {
                var batch = torch.randint(0, 256, [32]);
                var hidden = F.elu(F.linear(x.index_select(0, batch), w1, b1), 1.0);
                if (leak) hidden.MoveToOuterDisposeScope();
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
            if (step == 1_000) heldAt1000 = NativeHeapInUse();
        }
        output.WriteLine(FormattableString.Invariant($"{heldAt1000} {NativeHeapInUse()} {firstLoss / 100} {lastLoss / 100}"));
        return 0;
    }

    /// <summary>Bytes malloc has handed out and not had back: small blocks in its arenas (uordblks) and large ones mapped alone (hblkhd).</summary>
    private static long NativeHeapInUse()
    {
        var info = MallocInfo();
        return (long)(info.InUse + info.Mapped);
    }

    [LibraryImport("libc", EntryPoint = "mallinfo2")]
    private static partial MallInfo2 MallocInfo();

    /// <summary>glibc's struct mallinfo2 (2.33 and later): ten size_t fields.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private readonly struct MallInfo2
    {
        public readonly nuint Arena, OrdinaryBlocks, SmallBlocks, MappedBlocks, Mapped, MaxUsed, FastBytes, InUse, Free, Releasable;
    }
}
