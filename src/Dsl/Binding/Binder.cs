using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using DeepDsl.Dsl.Diagnostics;
using DeepDsl.Dsl.Schema;
using DeepDsl.Dsl.Syntax;

namespace DeepDsl.Dsl.Binding;

/// <summary>
/// Checks a YAML tree against the schema and returns the bound values. Every key is known or an
/// error (with a suggestion), no type is coerced (a quoted '2' is not an integer), ranges are
/// checked, and every message names the key path and says what was expected. Binding goes on after
/// an error, so one pass reports every problem.
/// </summary>
public sealed class Binder
{
    private readonly List<DslDiagnostic> diagnostics;

    public Binder(List<DslDiagnostic> diagnostics) => this.diagnostics = diagnostics;

    public BObject? BindExperiment(YNode root) => Bind(root, LanguageSchema.Experiment, "", root.Location) as BObject;

    private BValue? Bind(YNode? node, Shape shape, string path, SourceLocation parent)
    {
        if (node is null) return Default(shape, null, path, parent);
        switch (shape)
        {
            case ObjectShape obj: return BindObject(node, obj, path);
            case VariantShape variant: return BindVariant(node, variant, path);
            case LayerReference: return BindVariant(node, LanguageSchema.Layer, path);
            case ListShape list: return BindList(node, list, path);
            case FreeMapShape map: return BindFreeMap(node, map, path);
            case PairShape pair: return BindPair(node, pair, path);
            default: return BindScalar(node, shape, path);
        }
    }

    private BObject? BindObject(YNode node, ObjectShape shape, string path)
    {
        if (node is not YMapping mapping)
        {
            Report(Descriptors.WrongType, node.Location, $"{Display(path)}: expected {shape.Expected}, got {Describe(node)}");
            return null;
        }
        var given = new Dictionary<string, (YScalar Key, YNode Value)>(StringComparer.Ordinal);
        foreach (var entry in mapping.Entries)
        {
            var field = shape.Find(entry.Key.Text);
            if (field is null)
            {
                var where = path.Length == 0 ? "" : $" in {Display(path)}";
                Report(Descriptors.UnknownKey, entry.Key.Location,
                    $"unknown key {Quoted.Value(entry.Key.Text)}{where}: {Suggestions.Hint(entry.Key.Text, shape.Fields.Select(f => f.Key))}");
                continue;
            }
            if (given.TryGetValue(field.Key, out var earlier))
            {
                Report(Descriptors.AmbiguousAlias, entry.Key.Location,
                    $"{Display(Join(path, field.Key))} is given twice, as {Quoted.Value(earlier.Key.Text)} and {Quoted.Value(entry.Key.Text)}; keep one");
                continue;
            }
            given[field.Key] = (entry.Key, entry.Value);
        }

        var fields = new List<KeyValuePair<string, BValue>>();
        foreach (var field in shape.Fields)
        {
            var fieldPath = Join(path, field.Key);
            BValue? value;
            if (given.TryGetValue(field.Key, out var entry))
            {
                value = entry.Value is YScalar { Kind: ScalarKind.Null } && (field.Nullable || field.Default is null && !field.Required)
                    ? new BScalar(null, fieldPath, entry.Value.Location, false)
                    : Bind(entry.Value, field.Shape, fieldPath, mapping.Location);
            }
            else if (field.Required)
            {
                Report(Descriptors.MissingKey, mapping.Location,
                    $"{Display(path.Length == 0 ? "the spec" : path)} needs '{field.Key}' ({field.Doc.TrimEnd('.')}): {field.Shape.Expected}");
                value = null;
            }
            else
            {
                value = Default(field.Shape, field.Default, fieldPath, mapping.Location);
            }
            if (value is not null) fields.Add(new KeyValuePair<string, BValue>(field.Key, value));
        }
        if (shape.Selector is { } selector && fields.FirstOrDefault(f => f.Key == selector).Value is BScalar { Value: string selected })
        {
            CheckApplicable(shape, selector, selected, given, path, mapping);
            // A default that does not apply to the selected kind (samples: for cifar10) is no setting at all: leaving it out
            // keeps the resolved spec valid when read again (a run's spec.yaml, a sweep's trials).
            for (var i = 0; i < fields.Count; i++)
                if (!given.ContainsKey(fields[i].Key) && shape.Find(fields[i].Key) is { AppliesTo: { } applies } && !applies.Contains(selected))
                    fields[i] = new KeyValuePair<string, BValue>(fields[i].Key, new BScalar(null, fields[i].Value.Path, fields[i].Value.Location, true));
        }
        return fields.Count == shape.Fields.Count ? new BObject(fields, path, mapping.Location, false) : null;
    }

    // A key that means nothing for the selected kind (samples: for cifar10) would be silently ignored
    // downstream; a key the kind needs (x_train: for npy) would fail only when the run starts.
    private void CheckApplicable(ObjectShape shape, string selector, string selected, Dictionary<string, (YScalar Key, YNode Value)> given, string path, YMapping mapping)
    {
        foreach (var field in shape.Fields)
        {
            var written = given.TryGetValue(field.Key, out var entry) && entry.Value is not YScalar { Kind: ScalarKind.Null };
            if (written && field.AppliesTo is { } applies && !applies.Contains(selected))
                Report(Descriptors.NotApplicable, entry.Key.Location,
                    $"{Display(Join(path, field.Key))} applies only when {selector} is {string.Join(" or ", applies)}, but {Display(Join(path, selector))} is {selected}: remove it" +
                    (entry.Key.Location.File == mapping.Location.File ? "" : $" (it is inherited: write {field.Key}: null in {System.IO.Path.GetFileName(mapping.Location.File)} to drop it)"));
            else if (!written && field.RequiredFor is { } needs && needs.Contains(selected))
                Report(Descriptors.MissingKey, mapping.Location,
                    $"{Display(path)} needs '{field.Key}' when {selector} is {selected} ({field.Doc.TrimEnd('.')}): {field.Shape.Expected}");
        }
    }

    private BValue? Default(Shape shape, object? value, string path, SourceLocation at)
    {
        switch (value)
        {
            case null: return new BScalar(null, path, at, true);
            case Dictionary<string, object?> when shape is ObjectShape obj:
                var empty = new YMapping([], at);
                return BindObject(empty, obj, path) is { } bound ? bound with { IsDefault = true } : null;
            case string name when shape is VariantShape variant:
                var kind = variant.Find(name)!;
                var settings = BindObject(new YMapping([], at), kind.Body, Join(path, name));
                return settings is null ? null : new BVariant(name, settings with { IsDefault = true }, path, at, true);
            default: return new BScalar(value, path, at, true);
        }
    }

    private BObject? BindFreeMap(YNode node, FreeMapShape shape, string path)
    {
        if (node is not YMapping mapping)
        {
            Report(Descriptors.WrongType, node.Location, $"{Display(path)}: expected {shape.Expected}, got {Describe(node)}");
            return null;
        }
        return new BObject(mapping.Entries.Select(e => new KeyValuePair<string, BValue>(e.Key.Text, Any(e.Value, Join(path, e.Key.Text)))).ToList(),
            path, mapping.Location, false);
    }

    /// <summary>Any YAML value as it is written, typed by the core schema: what a free map's values hold until their reader checks them.</summary>
    private static BValue Any(YNode node, string path) => node switch
    {
        YScalar s => new BScalar(s.Kind switch
        {
            ScalarKind.Null => null,
            ScalarKind.Bool => s.AsBool(),
            ScalarKind.Int => s.AsInt(),
            ScalarKind.Float => s.AsNumber(),
            _ => s.Text,
        }, path, s.Location, false),
        YSequence list => new BList(list.Items.Select((item, i) => Any(item, $"{path}[{i}]")).ToList(), path, list.Location, false),
        YMapping map => new BObject(map.Entries.Select(e => new KeyValuePair<string, BValue>(e.Key.Text, Any(e.Value, Join(path, e.Key.Text)))).ToList(), path, map.Location, false),
        _ => new BScalar(null, path, node.Location, false),
    };

    private BValue? BindVariant(YNode node, VariantShape shape, string path)
    {
        var names = shape.Variants.Select(v => v.Name);
        switch (node)
        {
            case YScalar { Kind: ScalarKind.String } bare:
            {
                var kind = Find(shape, bare.Text, bare, path);
                if (kind is null) return null;
                if (!kind.AllowBare)
                {
                    var required = kind.Body.Fields.Where(f => f.Required).Select(f => f.Key);
                    Report(Descriptors.MissingKey, bare.Location, $"{Display(path)}: '{kind.Name}' needs settings ({string.Join(", ", required)}), e.g. {{ {kind.Name}: {{ {string.Join(", ", required.Select(r => r + ": …"))} }} }}");
                    return null;
                }
                var settings = BindObject(new YMapping([], bare.Location), kind.Body, Join(path, Canonical(kind)));
                return settings is null ? null : new BVariant(Canonical(kind), settings, path, bare.Location, false);
            }
            case YMapping mapping when shape.Variants.FirstOrDefault(v => v.Inline && mapping[v.Name] is not null) is { } inline:
            {
                var settings = BindObject(mapping, inline.Body, Join(path, inline.Name));
                return settings is null ? null : new BVariant(inline.Name, settings, path, mapping.Location, false);
            }
            case YMapping { Entries.Count: 1 } mapping:
            {
                var (key, body) = (mapping.Entries[0].Key, mapping.Entries[0].Value);
                var kind = Find(shape, key.Text, key, path);
                if (kind is null) return null;
                var kindPath = Join(path, Canonical(kind));
                BObject? settings;
                if (body is YScalar { Kind: ScalarKind.Null }) settings = BindObject(new YMapping([], key.Location), kind.Body, kindPath);
                else if (body is YMapping) settings = BindObject(body, kind.Body, kindPath);
                else if (kind.Shorthand is { } shorthand)
                    settings = BindObject(new YMapping([new KeyValuePair<YScalar, YNode>(new YScalar(shorthand, false, body.Location), body)], body.Location), kind.Body, kindPath);
                else
                {
                    Report(Descriptors.WrongType, body.Location, $"{Display(kindPath)}: expected a mapping of {kind.Name} settings, got {Describe(body)}");
                    return null;
                }
                return settings is null ? null : new BVariant(Canonical(kind), settings, path, key.Location, false);
            }
            case YMapping mapping:
                Report(Descriptors.WrongType, node.Location,
                    $"{Display(path)}: expected one {shape.Name} kind as the only key ({string.Join(", ", names)}), got a mapping with {mapping.Entries.Count} keys ({string.Join(", ", mapping.Entries.Select(e => e.Key.Text))})");
                return null;
            default:
                Report(Descriptors.WrongType, node.Location, $"{Display(path)}: expected {shape.Expected}, got {Describe(node)}");
                return null;
        }
    }

    private static string Canonical(Variant kind) => kind.AliasOf ?? kind.Name;

    private Variant? Find(VariantShape shape, string name, YNode at, string path)
    {
        var kind = shape.Find(name);
        if (kind is null)
            Report(Descriptors.UnknownKey, at.Location, $"{Display(path)}: unknown {shape.Name} {Quoted.Value(name)}: {Suggestions.Hint(name, shape.Variants.Select(v => v.Name))}");
        return kind;
    }

    private BList? BindList(YNode node, ListShape shape, string path)
    {
        if (node is not YSequence sequence)
        {
            Report(Descriptors.WrongType, node.Location, $"{Display(path)}: expected {shape.Expected}, got {Describe(node)}");
            return null;
        }
        if (sequence.Items.Count < shape.MinItems)
        {
            Report(Descriptors.OutOfRange, node.Location, $"{Display(path)}: expected at least {shape.MinItems} item(s), got {sequence.Items.Count}");
            return null;
        }
        if (shape.MaxItems is { } most && sequence.Items.Count > most)
        {
            Report(Descriptors.OutOfRange, node.Location, $"{Display(path)}: expected at most {most} item(s), got {sequence.Items.Count}");
            return null;
        }
        var items = new List<BValue>();
        var ok = true;
        for (var i = 0; i < sequence.Items.Count; i++)
        {
            var item = Bind(sequence.Items[i], shape.Item, $"{path}[{i}]", sequence.Location);
            if (item is null) ok = false;
            else items.Add(item);
        }
        return ok ? new BList(items, path, sequence.Location, false) : null;
    }

    // One integer for both axes or [height, width]: each side is checked (and located) where it is written.
    private BValue? BindPair(YNode node, PairShape shape, string path)
    {
        switch (node)
        {
            case YScalar { Kind: ScalarKind.Int }:
                return BindScalar(node, shape.Side, path);
            case YSequence { Items.Count: 2 } sequence:
            {
                var (height, width) = (BindScalar(sequence.Items[0], shape.Side, $"{path}[0]"), BindScalar(sequence.Items[1], shape.Side, $"{path}[1]"));
                if (height is null || width is null) return null;
                // [n, n] is n: one window, so one canonical form and one hash (a sweep over 3 and [3, 3] is one trial).
                return Equals(height.Value, width.Value) ? height with { Path = path, Location = sequence.Location }
                    : new BList([height, width], path, sequence.Location, false);
            }
            case YSequence sequence:
                Report(Descriptors.WrongType, node.Location, $"{Display(path)}: expected {shape.Expected}, got a list of {sequence.Items.Count} item(s)");
                return null;
            default:
                Report(Descriptors.WrongType, node.Location, $"{Display(path)}: expected {shape.Expected}, got {Describe(node)}");
                return null;
        }
    }

    private BScalar? BindScalar(YNode node, Shape shape, string path)
    {
        if (node is not YScalar scalar)
        {
            Report(Descriptors.WrongType, node.Location, $"{Display(path)}: expected {shape.Expected}, got {Describe(node)}");
            return null;
        }
        switch (shape)
        {
            case BoolShape when scalar.Kind == ScalarKind.Bool:
                return new BScalar(scalar.AsBool(), path, scalar.Location, false);
            case IntShape ints when scalar.Kind == ScalarKind.Int:
            {
                var value = scalar.AsInt();
                if (!ints.Allows(value))
                {
                    Report(Descriptors.OutOfRange, scalar.Location, $"{Display(path)}: expected {shape.Expected}, got {value}");
                    return null;
                }
                return new BScalar(value, path, scalar.Location, false);
            }
            case NumberShape numbers when scalar.Kind is ScalarKind.Int or ScalarKind.Float:
            {
                var value = scalar.AsNumber();
                if (double.IsNaN(value) || !InRange(numbers, value))
                {
                    Report(Descriptors.OutOfRange, scalar.Location, $"{Display(path)}: expected {shape.Expected}, got {scalar.Text}");
                    return null;
                }
                return new BScalar(value, path, scalar.Location, false);
            }
            case NameShape when scalar.Kind == ScalarKind.String:
                if (!Naming.Names.IsValid(scalar.Text))
                {
                    Report(Descriptors.InvalidName, scalar.Location, $"{Display(path)}: {Quoted.Value(scalar.Text)} is not a valid name: use {Naming.Names.Description}");
                    return null;
                }
                return new BScalar(scalar.Text, path, scalar.Location, false);
            case PathShape when scalar.Kind == ScalarKind.String:
                if (!PathShape.IsValid(scalar.Text))
                {
                    Report(Descriptors.OutOfRange, scalar.Location, $"{Display(path)}: {Quoted.Value(scalar.Text)} is not {shape.Expected}");
                    return null;
                }
                return new BScalar(scalar.Text, path, scalar.Location, false);
            case StringShape strings when scalar.Kind == ScalarKind.String:
            {
                if (strings.Values is { } allowed && !allowed.Contains(scalar.Text))
                {
                    Report(Descriptors.OutOfRange, scalar.Location, $"{Display(path)}: {Quoted.Value(scalar.Text)} is not allowed: {Suggestions.Hint(scalar.Text, allowed)}");
                    return null;
                }
                return new BScalar(scalar.Text, path, scalar.Location, false);
            }
            default:
                Report(Descriptors.WrongType, scalar.Location, $"{Display(path)}: expected {shape.Expected}, got {Describe(scalar)}");
                return null;
        }
    }

    private static bool InRange(NumberShape shape, double value) =>
        (shape.Min is not { } min || (shape.MinExclusive ? value > min : value >= min)) &&
        (shape.Max is not { } max || (shape.MaxExclusive ? value < max : value <= max)) &&
        (!double.IsInfinity(value) || shape.Min is null && shape.Max is null);

    private static string Describe(YNode node) => node is YScalar scalar
        ? scalar.Kind == ScalarKind.Null ? "null (nothing)" : $"{scalar.KindName} {(scalar.Quoted ? Quoted.Value(scalar.Text) : Quoted.Bare(scalar.Text))}"
        : node.KindName;

    private static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";

    private static string Display(string path) => path.Length == 0 ? "the spec" : path;

    private void Report(DiagnosticDescriptor descriptor, SourceLocation location, string message) =>
        diagnostics.Add(new DslDiagnostic(descriptor.Id, descriptor.DefaultSeverity, message, location));
}
