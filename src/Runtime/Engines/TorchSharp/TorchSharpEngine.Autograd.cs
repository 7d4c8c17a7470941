using DeepDsl.Torch;
using TS = global::TorchSharp.torch;

namespace DeepDsl.Engines.TorchSharp;

// Autograd, and the flat parameter buffer the optimizers update.
internal sealed partial class TorchSharpEngine
{
    public bool RequiresGrad(IEngineTensor t) => T(t).requires_grad;

    public void SetRequiresGrad(IEngineTensor t, bool value) => LibTorchErrors.Run(() => T(t).requires_grad = value);

    public bool IsLeaf(IEngineTensor t) => T(t).is_leaf;

    public void Backward(IEngineTensor t, IEngineTensor? gradient, bool retainGraph) => LibTorchErrors.Run(() =>
        TS.autograd.backward([T(t)], gradient is null ? null : [T(gradient)], retainGraph));

    public IEngineTensor? Grad(IEngineTensor t) => LibTorchErrors.Call(() => T(t).grad) is { } g ? Wrap(g) : null;

    public void SetGrad(IEngineTensor t, IEngineTensor? gradient) => LibTorchErrors.Run(() => T(t).grad = Optional(gradient));

    public IEngineTensor Detach(IEngineTensor t) => New(() => T(t).detach());

    /// <summary>
    /// As the shim's dd_flatten_parameters (autograd.cpp), on TorchSharp's public API: each parameter is re-seated in
    /// place (<c>set_</c>, which changes the tensor itself, so every handle to it sees the move) onto its slice of one
    /// flat buffer, and its gradient is set to the matching slice of a second, zeroed buffer. Autograd then accumulates
    /// into those slices in place, as long as they stay defined, so the trainer zeroes the gradient buffer instead of
    /// dropping gradients.
    /// </summary>
    public (IEngineTensor Values, IEngineTensor Grads) FlattenParameters(IReadOnlyList<IEngineTensor> parameters)
    {
        if (parameters.Count == 0) throw new TorchException("flatten_parameters: no parameters");
        var tensors = parameters.Select(T).ToArray();
        var (dtype, device) = (tensors[0].dtype, SharpConvert.DeviceOf(tensors[0]));
        for (var i = 0; i < tensors.Length; i++)
        {
            if (tensors[i].dtype != dtype || SharpConvert.DeviceOf(tensors[i]) != device)
                throw new TorchException($"flatten_parameters: all parameters must share dtype and device; parameter {i} is " +
                                         $"{tensors[i].dtype} on {SharpConvert.DeviceOf(tensors[i])}, parameter 0 is {dtype} on {device}");
        }
        var total = tensors.Sum(p => p.NumberOfElements);
        return LibTorchErrors.Call(() =>
        {
            using var _ = TS.no_grad();
            var values = TS.empty([total], dtype, device.ToSharp());
            var grads = TS.zeros([total], dtype, device.ToSharp());
            long offset = 0;
            foreach (var p in tensors)
            {
                var (count, shape) = (p.NumberOfElements, p.shape);
                using (var slice = values.narrow(0, offset, count))
                using (var view = slice.view(shape))
                {
                    view.copy_(p);
                    p.set_(view);
                }
                using (var slice = grads.narrow(0, offset, count))
                using (var view = slice.view(shape))
                    p.grad = view;
                offset += count;
            }
            return (Wrap(values), Wrap(grads));
        });
    }
}
