using DeepDsl.Torch;

namespace DeepDsl.Optim;

/// <summary>
/// Nadam (Dozat 2016): Adam with Nesterov momentum and the warming momentum schedule
/// μₜ = β₁(1 − ½·0.96^(0.004·t)), as TensorFlow/Keras 2 implement it (the optimizer of the book).
/// PyTorch 1.13's NAdam multiplies μₜ into the next momentum product twice (fixed in PyTorch 2.0),
/// so this matches Keras, not PyTorch 1.13; tests check it against an independent reference.
/// </summary>
public sealed class Nadam : Optimizer, IMomentumOptimizer
{
    private double muProduct = 1.0;

    public Nadam(IEnumerable<Tensor> parameters, double learningRate = 0.001, double beta1 = 0.9, double beta2 = 0.999,
        double epsilon = 1e-7, double weightDecay = 0, double momentumDecay = 0.004)
        : base(parameters, learningRate)
    {
        Beta1 = beta1;
        Beta2 = beta2;
        Epsilon = epsilon;
        WeightDecay = weightDecay;
        MomentumDecay = momentumDecay;
    }

    public double Beta1 { get; set; }
    public double Beta2 { get; }
    public double Epsilon { get; }
    public double WeightDecay { get; }
    public double MomentumDecay { get; }

    double IMomentumOptimizer.Momentum { get => Beta1; set => Beta1 = value; }

    protected override void Update(Tensor values, Tensor grads, long step)
    {
        var g = WeightDecay != 0 ? grads.add(values, WeightDecay) : grads;
        var mu = Beta1 * (1 - 0.5 * Math.Pow(0.96, step * MomentumDecay));
        var muNext = Beta1 * (1 - 0.5 * Math.Pow(0.96, (step + 1) * MomentumDecay));
        muProduct *= mu;
        var muProductNext = muProduct * muNext;
        var m = State("exp_avg").lerp_(g, 1 - Beta1);
        var v = State("exp_avg_sq").mul_(Beta2).addcmul_(g, g, 1 - Beta2);
        var denominator = v.div(1 - Math.Pow(Beta2, step)).sqrt_().add_(Epsilon);
        values.addcdiv_(g, denominator, -LearningRate * (1 - mu) / (1 - muProduct));
        values.addcdiv_(m, denominator, -LearningRate * muNext / (1 - muProductNext));
    }

    protected override IEnumerable<(string Name, double Value)> ScalarState() => [("mu_product", muProduct)];

    protected override void LoadScalarState(IReadOnlyDictionary<string, double> values) =>
        muProduct = values.TryGetValue("mu_product", out var value) ? value : 1.0;
}
