using DeepDsl.Dsl.Registry;

namespace DeepDsl.Dsl.Model;

/// <summary>A learning-rate schedule by name with its declared arguments (<see cref="Schedules"/>), defaults filled in; a list is an <see cref="EquatableArray{T}"/> of numbers.</summary>
public sealed record ScheduleSpec(string Kind, EquatableArray<Setting> Arguments)
{
    public ScheduleDeclaration Declaration => Schedules.Get(Kind, nameof(ScheduleSpec));

    /// <summary>A number argument, or null where the kind has none or it is null (cosine's decay_steps: the whole run).</summary>
    public double? Number(string key) => Settings.Number(Arguments, key);

    public string? String(string key) => Settings.Find(Arguments, key) as string;

    public bool? Bool(string key) => Settings.Find(Arguments, key) as bool?;

    public EquatableArray<double> Numbers(string key) => Settings.Find(Arguments, key) is EquatableArray<double> numbers ? numbers : new([]);
}
