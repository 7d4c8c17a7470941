using System.Collections.Generic;
using System.Linq;
using DeepDsl.Dsl.Binding;
using DeepDsl.Dsl.Schema;

namespace DeepDsl.Dsl.Resolution;

/// <summary>
/// Writes the effective metric into every `monitor` the spec leaves to its default (<see cref="MonitorDefault"/>), once the
/// data says whether there is a validation set. The canonical text, the typed spec and the generated code then all name
/// the metric the run watches, so a run's spec.yaml compiles again as it was run.
/// </summary>
public static class MonitorDefaults
{
    public static BObject Resolve(BObject root, bool hasValidation) => Object(root, hasValidation);

    // Unchanged parts are returned as they are: the layers of a large model are walked, not copied.
    private static BValue Value(BValue value, bool hasValidation) => value switch
    {
        BScalar { Value: MonitorDefault declared } scalar => scalar with { Value = declared.For(hasValidation) },
        BObject obj => Object(obj, hasValidation),
        BVariant variant => Object(variant.Settings, hasValidation) is var settings && !ReferenceEquals(settings, variant.Settings)
            ? variant with { Settings = settings }
            : variant,
        BList list => Items(list.Items, hasValidation) is { } items ? list with { Items = items } : list,
        _ => value,
    };

    private static BObject Object(BObject obj, bool hasValidation)
    {
        List<KeyValuePair<string, BValue>>? fields = null;
        for (var i = 0; i < obj.Fields.Count; i++)
        {
            var field = obj.Fields[i];
            var resolved = Value(field.Value, hasValidation);
            if (ReferenceEquals(resolved, field.Value)) continue;
            fields ??= obj.Fields.ToList();
            fields[i] = new KeyValuePair<string, BValue>(field.Key, resolved);
        }
        return fields is null ? obj : obj with { Fields = fields };
    }

    private static List<BValue>? Items(IReadOnlyList<BValue> items, bool hasValidation)
    {
        List<BValue>? resolved = null;
        for (var i = 0; i < items.Count; i++)
        {
            var item = Value(items[i], hasValidation);
            if (ReferenceEquals(item, items[i])) continue;
            resolved ??= items.ToList();
            resolved[i] = item;
        }
        return resolved;
    }
}
