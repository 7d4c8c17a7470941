using DeepDsl.Nn;
using DeepDsl.Nn.Activations;
using DeepDsl.Optim;
using DeepDsl.Torch;
using DeepDsl.Torch.Serialization;
using F = DeepDsl.Torch.torch.nn.functional;

namespace DeepDsl.Runtime.Tests.Torch;

/// <summary>
/// Training on the GPU is training: 50 Nadam steps of a small ELU network on cuda end where the same 50 steps on the
/// CPU do (float32; cuBLAS and OpenBLAS round differently, so within 1e-4), and a checkpoint saved from the GPU loads
/// on the CPU and back with every bit. Run by scripts/gpu-check.sh where a GPU is lent; skipped, saying why, elsewhere.
/// </summary>
public sealed class CudaTrainingTests
{
    private static readonly Device Gpu = new(DeviceType.CUDA, 0);

    private static (double[] Losses, Dictionary<string, Tensor> State) Train(Device device)
    {
        torch.manual_seed(11);
        // The same initial weights and data on both devices: made on the CPU, then moved.
        var model = new Sequential(new Linear(20, 64), new ELU(), new Linear(64, 64), new ELU(), new Linear(64, 5));
        var x = torch.randn([256, 20]);
        var y = torch.randint(0, 5, [256]);
        model.to(device);
        (x, y) = (x.to(device), y.to(device));
        using var optimizer = new Nadam(model.parameters(), 1e-3);
        var losses = new double[50];
        for (var step = 0; step < losses.Length; step++)
        {
            using var scope = torch.NewDisposeScope();
            var batch = torch.arange(step % 8 * 32, step % 8 * 32 + 32, device: device);
            optimizer.zero_grad();
            var loss = F.cross_entropy(model.call(x.index_select(0, batch)), y.index_select(0, batch));
            loss.backward();
            optimizer.step();
            losses[step] = loss.item<double>();
        }
        return (losses, model.state_dict());
    }

    [CudaFact]
    public void Fifty_steps_on_cuda_end_where_fifty_steps_on_the_cpu_do()
    {
        using var scope = torch.NewDisposeScope();
        var (cpu, cpuState) = Train(Device.CPU);
        var (gpu, gpuState) = Train(Gpu);
        OpCase.AssertClose(cpu, gpu, 1e-4, "losses");
        foreach (var (name, tensor) in cpuState)
            OpCase.AssertClose(tensor.to(ScalarType.Float64).ToArray<double>(), gpuState[name].to(ScalarType.Float64, Device.CPU).ToArray<double>(), 1e-4, name);
    }

    [CudaFact]
    public void A_checkpoint_saved_on_cuda_loads_on_the_cpu_and_back_bit_for_bit()
    {
        using var scope = torch.NewDisposeScope();
        var (_, state) = Train(Gpu);
        var path = Path.Combine(Directory.CreateTempSubdirectory("deepdsl-cuda-").FullName, "model.safetensors");
        SafeTensors.Save(path, state);
        var (loaded, _) = SafeTensors.Load(path);
        foreach (var (name, tensor) in state)
        {
            Assert.Equal(DeviceType.CPU, loaded[name].device.Type);
            Assert.Equal(tensor.to(Device.CPU).ToArray<float>(), loaded[name].ToArray<float>());
            Assert.Equal(tensor.ToArray<float>(), loaded[name].to(Gpu).to(Device.CPU).ToArray<float>());
        }
    }
}
