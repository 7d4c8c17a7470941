namespace DeepDsl.LearningRateSearch;

/// <summary>
/// How to sweep: Book — one epoch from 1e-5 to 10, the rate multiplied by a constant factor each
/// batch; Fastai — 1e-7 to 10 over 100 batches, stopping when the smoothed loss exceeds
/// StopFactor × its best. Smoothing is exponential with bias correction (β = 0.98).
/// </summary>
public sealed record LrFinderSettings(LrFinderMethod Method = LrFinderMethod.Book, double? StartLr = null, double EndLr = 10, int? Steps = null,
    double StopFactor = 4, double Smoothing = 0.98)
{
    public double Start => StartLr ?? (Method == LrFinderMethod.Book ? 1e-5 : 1e-7);

    public int StepsFor(int stepsPerEpoch) => Steps ?? (Method == LrFinderMethod.Book ? stepsPerEpoch : 100);
}
