using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace DeepDsl.Dsl.Schema;

/// <summary>docs/language.md's reference tables, generated from <see cref="LanguageSchema"/> so the documentation cannot drift from the parser.</summary>
public static class LanguageReference
{
    public static string Markdown()
    {
        var text = new StringBuilder();
        text.Append("## Reference (generated from the schema: `deepdsl schema --markdown`)\n\n");
        Section(text, "Top level", LanguageSchema.Experiment);
        Section(text, "data", LanguageSchema.Data);
        Datasets(text);
        Section(text, "data.augment", LanguageSchema.Augment);
        Section(text, "data.augment.random_crop", LanguageSchema.RandomCrop);
        Variants(text, "Normalizations (`data.augment.normalize`)", LanguageSchema.Normalization);
        Section(text, "model", LanguageSchema.Model);
        Variants(text, "Layers (`model.layers` items)", LanguageSchema.Layer);
        Variants(text, "Activations", LanguageSchema.Activation);
        Variants(text, "Initializers (`kernel_init`, `bias_init`)", LanguageSchema.Initializer);
        Section(text, "training", LanguageSchema.Training);
        Variants(text, "Optimizers (`training.optimizer`)", LanguageSchema.Optimizers);
        Variants(text, "Schedules (`training.schedule`)", LanguageSchema.Schedules);
        Section(text, "training.early_stopping", LanguageSchema.EarlyStopping);
        Section(text, "training.checkpoint", LanguageSchema.Checkpoint);
        Section(text, "evaluation", LanguageSchema.Evaluation);
        Section(text, "evaluation.mc_dropout", LanguageSchema.McDropout);
        Section(text, "lr_finder", LanguageSchema.LrFinder);
        Section(text, "pruning", LanguageSchema.Pruning);
        return text.ToString();
    }

    private static void Section(StringBuilder text, string title, ObjectShape shape)
    {
        text.Append("### ").Append(title).Append("\n\n| key | value | default | meaning |\n|---|---|---|---|\n");
        foreach (var field in shape.Fields) Row(text, field);
        text.Append('\n');
    }

    /// <summary>Each declared dataset with the data keys of its own (the rest of the data section applies to every dataset).</summary>
    private static void Datasets(StringBuilder text)
    {
        text.Append("### Datasets (`data.dataset`)\n\n");
        foreach (var dataset in Registry.Datasets.Registry.All)
        {
            text.Append("- **").Append(dataset.Name).Append("** — ").Append(dataset.Doc);
            if (dataset.Arguments.Count > 0)
                text.Append(" Keys: ").Append(string.Join(", ", dataset.Arguments.Select(a => $"`{a.Key}`{(a.Field.Required ? " (required)" : "")}"))).Append('.');
            text.Append('\n');
        }
        text.Append('\n');
    }

    private static void Variants(StringBuilder text, string title, VariantShape shape)
    {
        text.Append("### ").Append(title).Append("\n\n");
        foreach (var kind in shape.Variants)
        {
            var form = kind.AliasOf is not null ? $"another name for `{kind.AliasOf}`"
                : kind.Inline ? "`- repeat: N` with `layers:` beside it"
                : kind.AllowBare ? $"`{kind.Name}` or `{{ {kind.Name}: {{…}} }}`"
                : kind.Shorthand is { } s ? $"`{{ {kind.Name}: {{…}} }}` or `{{ {kind.Name}: <{s}> }}`" : $"`{{ {kind.Name}: {{…}} }}`";
            text.Append("- **").Append(kind.Name).Append("** — ").Append(kind.Doc).Append(" Written ").Append(form).Append('.');
            var fields = kind.Body.Fields.Where(f => !(kind.Inline && f.Key == kind.Name)).ToList();
            if (fields.Count > 0)
            {
                text.Append("\n\n  | key | value | default | meaning |\n  |---|---|---|---|\n");
                foreach (var field in fields) { text.Append("  "); Row(text, field); }
            }
            text.Append('\n');
        }
        text.Append('\n');
    }

    private static void Row(StringBuilder text, Field f) =>
        text.Append("| `").Append(f.Key).Append('`').Append(f.Alias is null ? "" : $" (or `{f.Alias}`)").Append(" | ").Append(f.Shape.Expected.Replace("|", "\\|"))
            .Append(" | ").Append(f.Required ? "**required**" : Default(f)).Append(" | ").Append(f.Doc).Append(" |\n");

    private static string Default(Field f) => f.Default switch
    {
        null => f.Nullable ? "off (null)" : "—",
        Dictionary<string, object?> => "all defaults",
        double d => "`" + d.ToString("R", CultureInfo.InvariantCulture) + "`",
        bool b => b ? "`true`" : "`false`",
        string s => s.Length == 0 ? "`\"\"`" : "`" + s + "`",
        MonitorDefault m => m.Described,
        _ => "`" + System.Convert.ToString(f.Default, CultureInfo.InvariantCulture) + "`",
    };
}
