namespace DeepDsl.Nn.Init;

/// <summary>The distribution a variance-scaling initializer draws from.</summary>
public enum Distribution { TruncatedNormal, UntruncatedNormal, Uniform }
