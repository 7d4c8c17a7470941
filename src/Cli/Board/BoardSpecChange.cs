namespace DeepDsl.Cli.Board;

/// <summary>
/// One row of a run page's spec diff: the setting's path, its value in the run chosen to compare with (<paramref name="Before"/>)
/// and in this run (<paramref name="After"/>), null where a side does not have it; <paramref name="Layers"/> &gt; 1: the same
/// change in that many layers. As <see cref="Dsl.Diffing.SettingChange"/>, less where each value was written (one file each).
/// </summary>
internal sealed record BoardSpecChange(string Path, string Kind, string? Before, string? After, int Layers);
