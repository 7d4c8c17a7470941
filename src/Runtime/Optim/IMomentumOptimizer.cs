namespace DeepDsl.Optim;

/// <summary>An optimizer whose momentum (SGD's momentum, the Adam family's beta_1) a schedule may cycle, as 1cycle does.</summary>
public interface IMomentumOptimizer
{
    double Momentum { get; set; }
}
