using DeepDsl.Torch;

namespace DeepDsl.Nn;

/// <summary>
/// A network or a layer: named parameters, buffers and child modules, train/eval mode, device
/// placement and state dictionaries, as torch.nn.Module. Parameters and buffers are owned by the
/// module (outside every dispose scope) and freed by <see cref="Dispose"/>.
/// </summary>
public abstract class Module : IDisposable
{
    private readonly List<(string Name, Tensor Tensor)> ownParameters = [];
    private readonly List<(string Name, Tensor Tensor)> ownBuffers = [];
    private readonly List<(string Name, Module Module)> children = [];

    /// <summary>True in training mode (dropout active, batch norm uses batch statistics).</summary>
    public bool training { get; private set; } = true;

    public abstract Tensor forward(Tensor input);

    /// <summary>
    /// Called with each layer's output during forward, by models that report their layers (the generated ones do, through
    /// <see cref="Observed"/>): activation statistics, debugging. Null — the usual case — costs one check per layer.
    /// </summary>
    public Action<string, Tensor>? LayerOutputObserver { get; set; }

    /// <summary>Hands <paramref name="output"/>, layer <paramref name="layer"/>'s, to the observer if there is one, and returns it.</summary>
    protected Tensor Observed(string layer, Tensor output)
    {
        LayerOutputObserver?.Invoke(layer, output);
        return output;
    }

    public Tensor call(Tensor input) => forward(input);

    protected Tensor RegisterParameter(string name, Tensor value)
    {
        value.DetachFromDisposeScope().requires_grad = true;
        ownParameters.Add((name, value));
        return value;
    }

    protected Tensor RegisterBuffer(string name, Tensor value)
    {
        value.DetachFromDisposeScope();
        ownBuffers.Add((name, value));
        return value;
    }

    protected T RegisterModule<T>(string name, T module) where T : Module
    {
        children.Add((name, module));
        return module;
    }

    public IEnumerable<(string name, Tensor parameter)> named_parameters() => Named(m => m.ownParameters);

    public IEnumerable<Tensor> parameters() => named_parameters().Select(p => p.parameter);

    public IEnumerable<(string name, Tensor buffer)> named_buffers() => Named(m => m.ownBuffers);

    public IEnumerable<(string name, Module module)> named_children() => children;

    /// <summary>This module and all its descendants, depth first, with dotted names ("" for this one).</summary>
    public IEnumerable<(string name, Module module)> named_modules()
    {
        yield return ("", this);
        foreach (var (childName, child) in children)
            foreach (var (name, module) in child.named_modules())
                yield return (name.Length == 0 ? childName : $"{childName}.{name}", module);
    }

    /// <summary>Total number of scalar parameters.</summary>
    public long parameter_count() => parameters().Sum(p => p.numel());

    public Module train(bool on = true)
    {
        foreach (var (_, module) in named_modules()) module.training = on;
        return this;
    }

    public Module eval() => train(false);

    /// <summary>Moves every parameter and buffer in place; create optimizers after moving, as in PyTorch.</summary>
    public Module to(Device device)
    {
        foreach (var (_, tensor) in named_parameters().Concat(named_buffers())) tensor.move_(device);
        return this;
    }

    /// <summary>Parameters and buffers by dotted name (handles to the live tensors, not copies).</summary>
    public Dictionary<string, Tensor> state_dict() =>
        named_parameters().Concat(named_buffers()).ToDictionary(p => p.Item1, p => p.Item2);

    /// <summary>Copies values into the live parameters and buffers; every name must match, with the same shape.</summary>
    public void load_state_dict(IReadOnlyDictionary<string, Tensor> state)
    {
        var own = state_dict();
        var missing = own.Keys.Except(state.Keys).ToList();
        var unexpected = state.Keys.Except(own.Keys).ToList();
        if (missing.Count > 0 || unexpected.Count > 0)
            throw new ArgumentException(
                $"state does not match the module: missing [{string.Join(", ", missing)}], unexpected [{string.Join(", ", unexpected)}]");
        using var noGrad = torch.no_grad();
        foreach (var (name, tensor) in own)
        {
            var source = state[name];
            if (!source.shape.SequenceEqual(tensor.shape))
                throw new ArgumentException(
                    $"'{name}' has shape [{string.Join(", ", tensor.shape)}] but the state holds [{string.Join(", ", source.shape)}]");
            tensor.copy_(source);
        }
    }

    public virtual void Dispose()
    {
        foreach (var (_, child) in children) child.Dispose();
        foreach (var (_, tensor) in ownParameters.Concat(ownBuffers)) tensor.Dispose();
        GC.SuppressFinalize(this);
    }

    private IEnumerable<(string, Tensor)> Named(Func<Module, List<(string Name, Tensor Tensor)>> select)
    {
        foreach (var (prefix, module) in named_modules())
            foreach (var (name, tensor) in select(module))
                yield return (prefix.Length == 0 ? name : $"{prefix}.{name}", tensor);
    }
}
