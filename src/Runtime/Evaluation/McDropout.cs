using System.Diagnostics;
using DeepDsl.Experiments;
using DeepDsl.Nn;
using DeepDsl.Torch;

namespace DeepDsl.Evaluation;

/// <summary>
/// Monte Carlo dropout (Gal and Ghahramani): keep dropout, alpha dropout and spatial dropout active at inference,
/// run N stochastic passes and average the predicted probabilities. Batch norm stays in inference
/// mode, so only the dropout layers are switched to training.
/// </summary>
public static class McDropout
{
    private const int Batch = 1000;

    public static bool HasDropout(Module model) => DropoutLayers(model).Any();

    /// <summary>The mean predicted probabilities over <paramref name="samples"/> passes, [N, classes].</summary>
    public static Tensor PredictProbabilities(Module model, Tensor x, int samples)
    {
        if (samples < 1) throw new ArgumentOutOfRangeException(nameof(samples), samples, "MC dropout needs at least one sample");
        var wasTraining = model.training;
        model.eval();
        foreach (var layer in DropoutLayers(model)) layer.train();
        try
        {
            using var noGrad = torch.no_grad();
            using var scope = torch.NewDisposeScope();
            var sum = Probabilities(model, x);
            for (var i = 1; i < samples; i++) sum.add_(Probabilities(model, x));
            return sum.div_(samples).MoveToOuterDisposeScope();
        }
        finally
        {
            model.train(wasTraining);
        }
    }

    /// <summary>Plain evaluation and MC dropout on the same examples, with timing.</summary>
    public static McDropoutResult Compare(Module model, Tensor x, Tensor y, int samples)
    {
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        var examples = y.size(0);

        var wasTraining = model.training;
        model.eval();
        using (torch.NewDisposeScope()) Probabilities(model, x.narrow(0, 0, Math.Min(examples, 8))); // warm-up, so both timings are steady-state
        var clock = Stopwatch.StartNew();
        var plain = Probabilities(model, x);
        var plainAccuracy = Accuracy(plain, y);
        var plainSeconds = clock.Elapsed.TotalSeconds;
        model.train(wasTraining);

        clock.Restart();
        model.eval();
        foreach (var layer in DropoutLayers(model)) layer.train();
        var sum = torch.zeros(plain.shape, device: x.device);
        var sumOfSquares = torch.zeros(plain.shape, device: x.device);
        for (var i = 0; i < samples; i++)
        {
            using var passScope = torch.NewDisposeScope();
            var p = Probabilities(model, x);
            sum.add_(p);
            sumOfSquares.addcmul_(p, p);
        }
        model.train(wasTraining);
        var mean = sum.div(samples);
        var mcAccuracy = Accuracy(mean, y);
        var mcSeconds = clock.Elapsed.TotalSeconds;
        // Per example: the standard deviation, across samples, of the probability of the class MC dropout predicts.
        var variance = sumOfSquares.div(samples).sub(mean.square()).clamp(min: 0);
        var predicted = mean.argmax(1).unsqueeze(1);
        var std = variance.sqrt().mul(OneHot(predicted, mean.size(1))).sum(1).mean().item<double>();
        return new McDropoutResult(samples, examples, plainAccuracy, mcAccuracy, std, plainSeconds / examples, mcSeconds / examples);
    }

    private static IEnumerable<Module> DropoutLayers(Module model) =>
        model.named_modules().Select(m => m.module).Where(m => m is Dropout or AlphaDropout or SpatialDropout2d);

    private static Tensor Probabilities(Module model, Tensor x)
    {
        var parts = new List<Tensor>();
        for (long start = 0; start < x.size(0); start += Batch)
        {
            var xb = x.narrow(0, start, Math.Min(Batch, x.size(0) - start));
            var output = model is IClassifierModel classifier
                ? classifier.Output == OutputActivation.Sigmoid ? classifier.forward_logits(xb).sigmoid() : torch.nn.functional.softmax(classifier.forward_logits(xb), -1)
                : model.forward(xb);
            parts.Add(output);
        }
        return parts.Count == 1 ? parts[0] : torch.cat(parts);
    }

    private static double Accuracy(Tensor probabilities, Tensor y) =>
        probabilities.argmax(1).eq(y).to(ScalarType.Float64).mean().item<double>();

    private static Tensor OneHot(Tensor index, long classes)
    {
        var range = torch.arange(classes, device: index.device).unsqueeze(0);
        return range.eq(index).to(ScalarType.Float32);
    }
}
