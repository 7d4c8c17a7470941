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

    /// <exception cref="InvalidDataException">The saved state does not fit this optimizer: a buffer of another shape or dtype,
    /// a step count that is not a whole number ≥ 0, a learning rate that is not finite and positive, a scalar that is not finite.</exception>
    public void load_state_dict(IReadOnlyDictionary<string, Tensor> saved)
    {
        using var noGrad = torch.no_grad();
        var scalars = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (name, tensor) in saved)
        {
            if (tensor.dim() == 0)
            {
                var value = tensor.item<double>();
                if (!double.IsFinite(value)) throw new InvalidDataException($"optimizer state '{name}' is {value}, not a finite number");
                scalars[name] = value;
            }
            else if (!tensor.shape.SequenceEqual(Parameters.Values.shape) || tensor.dtype != Parameters.Values.dtype)
                throw new InvalidDataException($"optimizer state '{name}' is a {tensor.dtype} [{string.Join(", ", tensor.shape)}], " +
                                               $"but this optimizer's buffers are {Parameters.Values.dtype} [{string.Join(", ", Parameters.Values.shape)}]");
        }
        var step = scalars.TryGetValue("step", out var s) ? s : 0;
        if (step < 0 || step != Math.Floor(step)) throw new InvalidDataException($"optimizer state 'step' is {step}, not a whole number ≥ 0");
        if (scalars.TryGetValue("learning_rate", out var rate) && !(rate > 0)) throw new InvalidDataException($"optimizer state 'learning_rate' is {rate}, not > 0");
        foreach (var (name, tensor) in saved)
            if (tensor.dim() != 0) State(name).copy_(tensor);
        // Buffers the saved state does not have did not exist yet when it was saved: they start from zero again.
        foreach (var (name, buffer) in state)
            if (!saved.ContainsKey(name)) buffer.zero_();
        StepCount = (long)step;
        if (scalars.ContainsKey("learning_rate")) LearningRate = rate;
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
