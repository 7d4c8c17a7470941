using DeepDsl.Torch;

namespace DeepDsl.Nn;

/// <summary>
/// Batch normalisation over features, as torch.nn.BatchNorm1d. <paramref name="momentum"/> follows
/// PyTorch (weight of the new batch statistic); Keras's momentum m corresponds to 1 − m.
/// </summary>
public sealed class BatchNorm1d : Module
{
    public BatchNorm1d(long features, double momentum = 0.1, double eps = 1e-5, Device? device = null)
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
