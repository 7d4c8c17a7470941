using DeepDsl.Torch;

namespace DeepDsl.Optim;

/// <summary>
/// Base of the optimizers: owns the flat parameter and gradient buffers, the learning rate, the
/// step count and gradient clipping; subclasses implement one update over the flat buffers.
/// Create an optimizer after moving the model to its device, as in PyTorch.
/// </summary>
public abstract class Optimizer : IDisposable
{
    private readonly Dictionary<string, Tensor> state = new(StringComparer.Ordinal);

    protected Optimizer(IEnumerable<Tensor> parameters, double learningRate)
    {
        if (!(learningRate > 0)) throw new ArgumentOutOfRangeException(nameof(learningRate), learningRate, "the learning rate must be > 0");
        Parameters = new FlatParameters(parameters);
        LearningRate = learningRate;
    }

    public FlatParameters Parameters { get; }

    /// <summary>The rate used by the next step; schedules set it between steps.</summary>
    public double LearningRate { get; set; }

    public GradientClipping? Clipping { get; init; }

    /// <summary>Number of steps taken.</summary>
    public long StepCount { get; private set; }

    /// <summary>Zeroes all gradients in one call (they stay allocated, as views autograd accumulates into).</summary>
    public void zero_grad() => Parameters.Grads.zero_();

    /// <summary>Clips the gradients if asked, then updates every parameter.</summary>
    public void step()
    {
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        Clipping?.Apply(Parameters);
        StepCount++;
        Update(Parameters.Values, Parameters.Grads, StepCount);
    }

    /// <summary>One update of the flat parameter buffer from the flat gradient buffer; <paramref name="step"/> counts from 1.</summary>
    protected abstract void Update(Tensor values, Tensor grads, long step);

    /// <summary>A named state buffer shaped like the parameters, created zero-filled (or filled) on first use.</summary>
    protected Tensor State(string name, double initialValue = 0)
    {
        if (!state.TryGetValue(name, out var buffer))
        {
            buffer = torch.full(Parameters.Values.shape, initialValue, Parameters.Values.dtype, Parameters.Values.device).DetachFromDisposeScope();
            state[name] = buffer;
        }
        return buffer;
    }

    /// <summary>Scalar state kept on the host (e.g. Nadam's momentum product); saved with the state dict.</summary>
    protected virtual IEnumerable<(string Name, double Value)> ScalarState() => [];

    protected virtual void LoadScalarState(IReadOnlyDictionary<string, double> values) { }

    /// <summary>The optimizer's state for checkpoints: buffers (live handles), step and scalar state as one-element tensors.</summary>
    public Dictionary<string, Tensor> state_dict()
    {
        var result = new Dictionary<string, Tensor>(state, StringComparer.Ordinal)
        {
            ["step"] = torch.scalar_tensor(StepCount, ScalarType.Float64),
            ["learning_rate"] = torch.scalar_tensor(LearningRate, ScalarType.Float64),
        };
        foreach (var (name, value) in ScalarState()) result[name] = torch.scalar_tensor(value, ScalarType.Float64);
        return result;
    }

    public void load_state_dict(IReadOnlyDictionary<string, Tensor> saved)
    {
        using var noGrad = torch.no_grad();
        var scalars = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (name, tensor) in saved)
        {
            if (tensor.dim() == 0) scalars[name] = tensor.item<double>();
            else State(name).copy_(tensor);
        }
        // Buffers the saved state does not have did not exist yet when it was saved: they start from zero again.
        foreach (var (name, buffer) in state)
            if (!saved.ContainsKey(name)) buffer.zero_();
        StepCount = scalars.TryGetValue("step", out var step) ? (long)step : 0;
        if (scalars.TryGetValue("learning_rate", out var rate)) LearningRate = rate;
        LoadScalarState(scalars);
    }

    public void Dispose()
    {
        foreach (var buffer in state.Values) buffer.Dispose();
        state.Clear();
        Parameters.Dispose();
        GC.SuppressFinalize(this);
    }
}
