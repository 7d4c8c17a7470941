using DeepDsl.Torch;
using F = DeepDsl.Torch.torch.nn.functional;

namespace DeepDsl.Runtime.Tests.Torch;

/// <summary>The core op tests again on the GPU: the same PyTorch fixtures, in-place updates, a training step, errors.</summary>
public sealed class CudaTests
{
    private static readonly Device Gpu = new(DeviceType.CUDA, 0);

    public static TheoryData<string> Cases() => new(new[] { "ops_math", "ops_functional", "ops_losses" }
        .SelectMany(OpCase.All).Select(c => $"{c.Family}:{c.Id}"));

    [CudaTheory]
    [MemberData(nameof(Cases))]
    public void Output_and_input_gradients_on_cuda_match_pytorch(string key) =>
        OpCaseRunner.AssertMatchesPyTorch(OpCase.Get(key.Split(':')[0], key.Split(':')[1]), Gpu);

    [CudaFact]
    public void Tensors_created_on_cuda_report_their_device()
    {
        using var scope = torch.NewDisposeScope();
        Assert.Equal(Gpu, torch.ones([2], device: Gpu).device);
        Assert.Equal(Gpu, torch.ones([2]).to(Gpu).device);
        Assert.Equal(Device.CPU.Type, torch.ones([2], device: Gpu).to(Device.CPU).device.Type);
    }

    [CudaFact]
    public void In_place_updates_on_cuda_agree_with_the_cpu()
    {
        using var scope = torch.NewDisposeScope();
        torch.manual_seed(1);
        var (a, b, c) = (torch.randn([32]), torch.randn([32]), torch.rand([32]).add(0.5));
        var cpu = a.clone().addcmul_(b, c, 0.3).addcdiv_(b, c, -0.2).lerp_(b, 0.25).clamp_(-1, 1);
        var gpu = a.to(Gpu).addcmul_(b.to(Gpu), c.to(Gpu), 0.3).addcdiv_(b.to(Gpu), c.to(Gpu), -0.2).lerp_(b.to(Gpu), 0.25).clamp_(-1, 1);
        OpCase.AssertClose(cpu.to(ScalarType.Float64).ToArray<double>(), gpu.to(ScalarType.Float64, Device.CPU).ToArray<double>(), 1e-5, "in-place chain");
    }

    [CudaFact]
    public void A_manual_sgd_training_step_on_cuda_lowers_the_loss()
    {
        using var scope = torch.NewDisposeScope();
        torch.manual_seed(2);
        var w = torch.randn([3, 8], device: Gpu).mul_(0.1).requires_grad_();
        var x = torch.randn([16, 8], device: Gpu);
        var y = torch.randint(0, 3, [16], device: Gpu);
        double Loss() { using var s = torch.NewDisposeScope(); return F.cross_entropy(F.linear(x, w), y).item<double>(); }
        var before = Loss();
        for (var i = 0; i < 20; i++)
        {
            using var step = torch.NewDisposeScope();
            F.cross_entropy(F.linear(x, w), y).backward();
            using (torch.no_grad()) w.add_(w.grad!, -0.5);
            w.grad!.zero_();
        }
        Assert.True(Loss() < before);
    }

    [CudaFact]
    public void Mixing_cuda_and_cpu_tensors_raises_TorchException_naming_the_devices()
    {
        using var scope = torch.NewDisposeScope();
        var error = Assert.Throws<TorchException>(() => torch.ones([2], device: Gpu) + torch.ones([2]));
        Assert.Contains("cuda", error.Message);
        Assert.Contains("cpu", error.Message);
    }
}
