namespace DeepDsl.Optim;

/// <summary>
/// An optimizer whose momentum (SGD's and RMSprop's momentum, the Adam family's beta_1; not RMSprop's rho, which averages the
/// squares) a schedule may cycle, as 1cycle does; metrics.csv records it per epoch.
/// </summary>
public interface IMomentumOptimizer
{
    double Momentum { get; set; }
}
