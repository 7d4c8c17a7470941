namespace DeepDsl.Engines;

/// <summary>Tensors filled with one value: zeros, ones, uninitialised, or a given value.</summary>
internal enum FillKind { Zeros, Ones, Empty, Full }

/// <summary>Tensors drawn from the engine's seeded generator: standard normal or uniform in [0, 1).</summary>
internal enum RandomKind { Normal, Uniform }
