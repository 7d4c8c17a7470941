using DeepDsl.Torch;

namespace DeepDsl.Nn.Init;

/// <summary>
/// Keras's VarianceScaling: samples with variance scale / n, where n is the chosen fan.
/// The truncated normal is cut at two standard deviations and its standard deviation divided by
/// 0.87962566103423978 (the std of a standard normal truncated to [−2, 2]) so the variance is exact.
/// He, LeCun and Glorot initializers are instances of it.
/// </summary>
public sealed record VarianceScaling(double Scale, FanMode Mode, Distribution Distribution) : Initializer
{
    private const double TruncatedStdCorrection = 0.87962566103423978;

    public override void Initialize(Tensor weight)
    {
        var fans = Fans.Of(weight);
        var n = Mode switch
        {
            FanMode.FanIn => fans.In,
            FanMode.FanOut => fans.Out,
            _ => fans.Average,
        };
        var variance = Scale / Math.Max(1.0, n);
        switch (Distribution)
        {
            case Distribution.TruncatedNormal:
                weight.truncated_normal_(0, Math.Sqrt(variance) / TruncatedStdCorrection);
                break;
            case Distribution.UntruncatedNormal:
                weight.normal_(0, Math.Sqrt(variance));
                break;
            default:
                var limit = Math.Sqrt(3 * variance);
                weight.uniform_(-limit, limit);
                break;
        }
    }
}
