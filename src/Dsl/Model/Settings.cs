using System.Globalization;

namespace DeepDsl.Dsl.Model;

/// <summary>Reading a kind's settings by key: null where the kind has no such argument.</summary>
internal static class Settings
{
    public static object? Find(EquatableArray<Setting> settings, string key)
    {
        foreach (var setting in settings)
            if (setting.Key == key) return setting.Value;
        return null;
    }

    public static double? Number(EquatableArray<Setting> settings, string key) =>
        Find(settings, key) is { } value and not bool and not string ? System.Convert.ToDouble(value, CultureInfo.InvariantCulture) : null;
}
