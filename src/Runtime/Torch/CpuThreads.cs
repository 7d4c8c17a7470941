namespace DeepDsl.Torch;

/// <summary>
/// How many CPU threads the math of a process uses: the number asked for (<c>deepdsl run --threads</c>), else
/// <c>OMP_NUM_THREADS</c> (as PyTorch reads it; a sweep's trials and data-parallel ranks get their share through it),
/// else one — measured fastest for the chapter's networks on two cores (docs/performance.md), and the same for every
/// process, so a run reproduces bit for bit whether it ran alone, as a sweep trial or beside other work. Applied once
/// when the engine loads (<see cref="Engines.Native.ShimLoader"/>; the TorchSharp engine at its load), so every command starts from it.
/// </summary>
public static class CpuThreads
{
    public const string Variable = "OMP_NUM_THREADS";

    public static int Default => FromEnvironment() ?? 1;

    public static int? FromEnvironment() => Parse(Environment.GetEnvironmentVariable(Variable));

    /// <summary>A positive whole number of threads, or null (unset, empty, zero, negative, not a number: the default applies).</summary>
    public static int? Parse(string? value) =>
        int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n > 0 ? n : null;
}
