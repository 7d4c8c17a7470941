namespace DeepDsl.Dsl.Model;

/// <summary>A dropout of any kind (the MC dropout and self-normalization rules ask for this, not for a layer type).</summary>
public interface IDropout
{
    double Rate { get; }

    /// <summary>Whether dropping keeps a SELU network's mean and variance (alpha dropout does; zeroing does not).</summary>
    bool KeepsSelfNormalization { get; }
}
