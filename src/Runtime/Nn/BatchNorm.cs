using DeepDsl.Torch;

namespace DeepDsl.Nn;

/// <summary>
/// Batch normalisation over dimension 1 (features or channels), as torch.nn's _BatchNorm: a learned scale and shift
/// per feature, running statistics used in eval mode. <see cref="Momentum"/> follows PyTorch (the weight of the new
/// batch statistic); Keras's momentum m corresponds to 1 − m.
/// </summary>
public abstract class BatchNorm : Module
{
    protected BatchNorm(long features, double momentum, double eps, Device? device)
    {
        Features = features;
        Momentum = momentum;
        Eps = eps;
        weight = RegisterParameter("weight", torch.ones([features], device: device));
        bias = RegisterParameter("bias", torch.zeros([features], device: device));
        running_mean = RegisterBuffer("running_mean", torch.zeros([features], device: device));
        running_var = RegisterBuffer("running_var", torch.ones([features], device: device));
    }

    public long Features { get; }
    public double Momentum { get; }
    public double Eps { get; }
    public Tensor weight { get; }
    public Tensor bias { get; }
    public Tensor running_mean { get; }
    public Tensor running_var { get; }

    public override Tensor forward(Tensor input) =>
        torch.nn.functional.batch_norm(input, running_mean, running_var, weight, bias, training, Momentum, Eps);
}
