using DeepDsl.Optim;
using DeepDsl.Torch;
using F = DeepDsl.Torch.torch.nn.functional;

namespace DeepDsl.Runtime.Tests.Torch;

/// <summary>The same core behaviour on the GPU: ops agree with the CPU, a training step runs, errors surface.</summary>
public sealed class CudaTests
{
    private static readonly Device Gpu = new(DeviceType.CUDA, 0);

    [CudaFact]
    public void Ops_on_cuda_agree_with_the_cpu()
    {
        using var scope = torch.NewDisposeScope();
        torch.manual_seed(1);
        var (a, b) = (torch.randn([64, 32]), torch.randn([32, 16]));
        var cpu = F.elu(a.matmul(b)).softmax_check();
        var gpu = F.elu(a.to(Gpu).matmul(b.to(Gpu))).softmax_check().to(Device.CPU);
        Assert.True((cpu - gpu).abs().max().item<float>() < 1e-4);
        Assert.Equal(Gpu, a.to(Gpu).device);
    }

    [CudaFact]
    public void A_training_step_runs_on_cuda()
    {
        using var scope = torch.NewDisposeScope();
        using var layer = new DeepDsl.Nn.Linear(8, 3);
        layer.to(Gpu);
        using var sgd = new SGD(layer.parameters(), 0.1);
        var x = torch.randn([16, 8], device: Gpu);
        var y = torch.randint(0, 3, [16], device: Gpu);
        var before = F.cross_entropy(layer.forward(x), y).item<double>();
        for (var i = 0; i < 20; i++)
        {
            using var step = torch.NewDisposeScope();
            sgd.zero_grad();
            F.cross_entropy(layer.forward(x), y).backward();
            sgd.step();
        }
        Assert.True(F.cross_entropy(layer.forward(x), y).item<double>() < before);
    }

    [CudaFact]
    public void A_device_mismatch_is_a_TorchException()
    {
        using var scope = torch.NewDisposeScope();
        Assert.Throws<TorchException>(() => torch.ones([2], device: Gpu) + torch.ones([2]));
    }
}

internal static class CudaTestExtensions
{
    public static Tensor softmax_check(this Tensor t) => F.softmax(t, 1);
}
