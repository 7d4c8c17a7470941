using System.Collections.Generic;
using DeepDsl.Dsl.Schema;

namespace DeepDsl.Dsl.Registry;

/// <summary>Every optimizer of the language, declared once (Keras names and defaults).</summary>
public static class Optimizers
{
    private const string Options = "DeepDsl.Optim.Options.";

    private static readonly NumberShape Positive = new(Min: 0, MinExclusive: true);
    private static readonly NumberShape NonNegative = new(Min: 0);
    private static readonly NumberShape Fraction = new(Min: 0, Max: 1, MaxExclusive: true);

    private static Argument A(string key, Shape shape, string doc, object value, string runtimeName) => new(new Field(key, shape, doc, Default: value), runtimeName);

    private static readonly Argument Beta1 = A("beta_1", Fraction, "Decay of the first-moment estimate.", 0.9, "Beta1");
    private static readonly Argument Beta2 = A("beta_2", Fraction, "Decay of the second-moment estimate.", 0.999, "Beta2");
    private static readonly Argument Epsilon = A("epsilon", Positive, "Added to denominators (Keras's 1e-7).", 1e-7, "Epsilon");
    private static Argument Momentum => A("momentum", Fraction, "Momentum.", 0.0, "Momentum");

    /// <summary>What every optimizer takes: its learning rate, and gradient clipping (which the runtime takes as one GradientClipping).</summary>
    private static IReadOnlyList<Argument> Common(double learningRate) =>
    [
        new(new Field("learning_rate", Positive, "Learning rate (`lr` is accepted too).", Default: learningRate, Alias: "lr"), "LearningRate"),
        new(new Field("clipnorm", Positive, "Clip each weight's gradient to this norm (Keras).", Nullable: true), null),
        new(new Field("global_clipnorm", Positive, "Clip all gradients together to this norm.", Nullable: true), null),
        new(new Field("clipvalue", Positive, "Clip every gradient element to ±value.", Nullable: true), null),
    ];

    private static OptimizerDeclaration Optimizer(string name, string doc, string runtimeType, double learningRate, params Argument[] own) =>
        new(name, doc, Options + runtimeType, [.. Common(learningRate), .. own]);

    public static readonly Registry<OptimizerDeclaration> Registry = new("optimizer", [
        Optimizer("sgd", "Stochastic gradient descent.", "SgdOptions", 0.01,
            Momentum,
            A("nesterov", new BoolShape(), "Nesterov momentum.", false, "Nesterov"),
            A("weight_decay", NonNegative, "L2 weight decay.", 0.0, "WeightDecay")),
        Optimizer("adam", "Adam.", "AdamOptions", 0.001, Beta1, Beta2, Epsilon, A("weight_decay", NonNegative, "L2 weight decay.", 0.0, "WeightDecay")),
        Optimizer("adamw", "Adam with decoupled weight decay.", "AdamWOptions", 0.001, Beta1, Beta2, Epsilon,
            A("weight_decay", NonNegative, "Decoupled weight decay.", 0.004, "WeightDecay")),
        Optimizer("nadam", "Adam with Nesterov momentum (Keras's Nadam).", "NadamOptions", 0.001, Beta1, Beta2, Epsilon),
        Optimizer("rmsprop", "RMSprop.", "RmsPropOptions", 0.001,
            A("rho", Fraction, "Decay of the squared-gradient average.", 0.9, "Rho"),
            Momentum, Epsilon,
            A("centered", new BoolShape(), "Centered RMSprop.", false, "Centered")),
        Optimizer("adagrad", "Adagrad.", "AdagradOptions", 0.001, A("initial_accumulator_value", NonNegative, "Initial accumulator.", 0.1, "InitialAccumulatorValue"), Epsilon),
        Optimizer("adamax", "Adamax.", "AdamaxOptions", 0.001, Beta1, Beta2, Epsilon),
    ]);

    public static OptimizerDeclaration Get(string name, string asker) => Registry.Get(name, asker);
}
