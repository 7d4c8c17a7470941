using System.Diagnostics;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

// One epoch of the exercise network (3072 → 20×100 ELU, He init → 10; Nadam; cross entropy) over 50,000 random
// examples, as bench/Runtime.Bench's EpochBenchmark and bench/pytorch_epoch.py run it, in plain TorchSharp.
//   dotnet bench/TorchSharp.Bench/bin/Release/net10.0/DeepDsl.TorchSharp.Bench.dll 32 128
var threads = int.TryParse(Environment.GetEnvironmentVariable("OMP_NUM_THREADS"), out var n) && n > 0 ? n : 1;
torch.set_num_threads(threads);
Console.WriteLine($"threads={torch.get_num_threads()} torchsharp libtorch={torch.__version__}");
foreach (var batch in args.Length > 0 ? args.Select(int.Parse) : [32, 128])
    Console.WriteLine($"torchsharp batch={batch} epoch_seconds={Run(batch):F2}");

static double Run(int batchSize, int examples = 50_000, int warmupSteps = 50)
{
    torch.manual_seed(42);
    var model = ExerciseNetwork();
    var optimizer = torch.optim.NAdam(model.parameters(), lr: 5e-5);
    var x = torch.randn(examples, 3072);
    var y = torch.randint(0, 10, [examples]);
    Epoch(model, optimizer, x, y, batchSize, warmupSteps);
    var stopwatch = Stopwatch.StartNew();
    var loss = Epoch(model, optimizer, x, y, batchSize, int.MaxValue);
    stopwatch.Stop();
    if (!double.IsFinite(loss)) throw new InvalidOperationException("benchmark diverged");
    return stopwatch.Elapsed.TotalSeconds;
}

static Sequential ExerciseNetwork()
{
    var layers = new List<(string, nn.Module<Tensor, Tensor>)>();
    long inputs = 3072;
    for (var i = 0; i < 20; i++)
    {
        var linear = nn.Linear(inputs, 100);
        nn.init.kaiming_normal_(linear.weight);
        nn.init.zeros_(linear.bias);
        layers.Add(($"dense{i}", linear));
        layers.Add(($"elu{i}", nn.ELU()));
        inputs = 100;
    }
    layers.Add(("output", nn.Linear(inputs, 10)));
    return nn.Sequential(layers);
}

static double Epoch(Sequential model, optim.Optimizer optimizer, Tensor x, Tensor y, int batchSize, int maxSteps)
{
    using var scope = torch.NewDisposeScope();
    var examples = x.size(0);
    var permutation = torch.randperm(examples);
    var total = torch.zeros([]);
    var steps = 0;
    for (long start = 0; start < examples && steps < maxSteps; start += batchSize, steps++)
    {
        using var step = torch.NewDisposeScope();
        var index = permutation.narrow(0, start, Math.Min(batchSize, examples - start));
        var logits = model.forward(x.index_select(0, index));
        var loss = nn.functional.cross_entropy(logits, y.index_select(0, index));
        optimizer.zero_grad();
        loss.backward();
        optimizer.step();
        using (torch.no_grad()) total.add_(loss.detach());
    }
    return total.item<float>();
}
