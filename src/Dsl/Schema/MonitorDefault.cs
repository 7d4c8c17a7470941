namespace DeepDsl.Dsl.Schema;

/// <summary>
/// The default of a `monitor` (checkpoint, early stopping, reduce_on_plateau): it depends on the data, so the binder
/// keeps this declaration and <see cref="Resolution.MonitorDefaults"/> writes the effective metric once the data is bound.
/// A run's resolved spec then names what the run watched, and reads back without DDSL501.
/// </summary>
public sealed record MonitorDefault(string WithValidation, string WithoutValidation)
{
    /// <summary>val_loss when training is scored on a validation set, loss without one (Keras's default, and what exists).</summary>
    public static readonly MonitorDefault Loss = new("val_loss", "loss");

    public string For(bool hasValidation) => hasValidation ? WithValidation : WithoutValidation;

    /// <summary>As the language reference and the editor's hover show it (Markdown).</summary>
    public string Described => $"`{WithValidation}` (`{WithoutValidation}` without a validation set)";
}
