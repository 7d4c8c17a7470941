using DeepDsl.Evaluation;
using DeepDsl.Runtime.Tests.Training;
using DeepDsl.Torch;

namespace DeepDsl.Runtime.Tests.Evaluation;

public sealed class McDropoutTests
{
    [Fact]
    public void With_rate_zero_the_mean_prediction_equals_plain_inference()
    {
        using var scope = torch.NewDisposeScope();
        torch.manual_seed(1);
        using var model = new SmallClassifier(8, 3, dropout: 0.0);
        var x = torch.randn([50, 8]);
        model.eval();
        var plain = model.forward(x);
        var mc = McDropout.PredictProbabilities(model, x, samples: 10);
        Assert.True((plain - mc).abs().max().item<float>() < 1e-6);
    }

    [Fact]
    public void With_dropout_passes_vary_and_their_mean_is_returned()
    {
        using var scope = torch.NewDisposeScope();
        torch.manual_seed(1);
        using var model = new SmallClassifier(8, 3, dropout: 0.3);
        var x = torch.randn([50, 8]);
        var one = McDropout.PredictProbabilities(model, x, samples: 1);
        var other = McDropout.PredictProbabilities(model, x, samples: 1);
        Assert.True((one - other).abs().max().item<float>() > 1e-3, "single passes differ");

        torch.manual_seed(9);
        var mean = McDropout.PredictProbabilities(model, x, samples: 3);
        torch.manual_seed(9);
        var passes = Enumerable.Range(0, 3).Select(_ => McDropout.PredictProbabilities(model, x, samples: 1)).ToList();
        var expected = (passes[0] + passes[1] + passes[2]) / 3.0;
        Assert.True((mean - expected).abs().max().item<float>() < 1e-6);
        Assert.True(model.training, "the model's mode is restored");
    }

    [Fact]
    public void Comparison_reports_accuracies_spread_and_time()
    {
        using var scope = torch.NewDisposeScope();
        torch.manual_seed(2);
        using var model = new SmallClassifier(8, 3, dropout: 0.2);
        var x = torch.randn([200, 8]);
        var y = torch.randint(0, 3, [200]);
        var result = McDropout.Compare(model, x, y, samples: 20);
        Assert.Equal(200, result.Examples);
        Assert.InRange(result.McAccuracy, 0, 1);
        Assert.True(result.MeanPredictiveStd > 0);
        // Times are reported, not compared: which is faster depends on the machine's load (speed is measured in bench/).
        Assert.True(result.McSecondsPerExample > 0 && result.PlainSecondsPerExample > 0);
    }
}
