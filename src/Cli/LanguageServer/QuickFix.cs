using DeepDsl.Dsl.Diagnostics;

namespace DeepDsl.Cli.LanguageServer;

/// <summary>
/// A diagnostic with one obvious fix: the word it points at (a key or a value, as written in this document) becomes
/// <see cref="Replacement"/>. Only that word is edited, so comments and the rest of the line stay as written. A
/// diagnostic whose word is not here (a default, or a value inherited from a base) has no fix: there is nothing to replace.
/// </summary>
/// <param name="Fits">Whether the spot the diagnostic points at is the word this fix replaces (the key above a value, the text of a key).</param>
internal sealed record QuickFix(DiagnosticDescriptor Diagnostic, Func<SyntaxSpot, bool> Fits, string Replacement)
{
    /// <summary>Every quick fix the server offers, one per diagnostic.</summary>
    public static readonly IReadOnlyList<QuickFix> All =
    [
        // DDSL101: SELU's proof holds for LeCun-normal weights only.
        new(Descriptors.SeluInit, spot => spot is { IsKey: false } && spot.Path.LastOrDefault() is "kernel_init", "lecun_normal"),
        // DDSL104: alpha dropout takes the same rate and keeps the mean and variance SELU needs; spatial dropout has no such twin.
        new(Descriptors.SeluDropout, spot => spot.Scalar.Text == "dropout", "alpha_dropout"),
        // DDSL301: momentum, rho or beta_1 that close to 1 overshoots; 0.9 is the usual value of each (and Keras's default for rho and beta_1).
        new(Descriptors.MomentumTooHigh, spot => spot is { IsKey: false } && spot.Path.LastOrDefault() is "momentum" or "rho" or "beta_1", "0.9"),
    ];

    /// <summary>The action's title: what the word becomes, with its key when it is a value (`Use kernel_init: lecun_normal`).</summary>
    public string Title(SyntaxSpot spot) => spot.IsKey || spot.Path.LastOrDefault() is not string key ? $"Use {Replacement}" : $"Use {key}: {Replacement}";
}
