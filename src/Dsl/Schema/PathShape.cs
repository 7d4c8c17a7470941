namespace DeepDsl.Dsl.Schema;

/// <summary>A file or folder path (relative to the spec): no control characters (NUL cannot be in a path at all), at most <see cref="MaxLength"/> characters.</summary>
public sealed record PathShape : Shape
{
    public const int MaxLength = 4096;

    public override string Expected => $"a path of at most {MaxLength} characters, without control characters";

    public static bool IsValid(string path)
    {
        if (path.Length == 0 || path.Length > MaxLength) return false;
        foreach (var c in path)
            if (char.IsControl(c)) return false;
        return true;
    }
}
