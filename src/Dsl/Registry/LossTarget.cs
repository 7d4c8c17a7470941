namespace DeepDsl.Dsl.Registry;

/// <summary>What a loss needs the network's output to be.</summary>
public enum LossTarget
{
    /// <summary>Any output (a regression loss).</summary>
    Any,

    /// <summary>One softmax unit per class.</summary>
    Classes,

    /// <summary>One sigmoid unit.</summary>
    Binary,
}
