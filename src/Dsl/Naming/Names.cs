using System.Collections.Generic;
using System.Text;

namespace DeepDsl.Dsl.Naming;

/// <summary>
/// The names a spec gives — the experiment's and its layers' — become C# identifiers in generated code
/// and folder names under the runs root, so they are checked here, against one pattern, before any stage
/// uses them: letters, digits, '_', '-' and '.', a letter first, no "..", at most <see cref="MaxLength"/> characters.
/// </summary>
public static class Names
{
    public const int MaxLength = 100;

    /// <summary>The pattern as a regular expression, for the JSON Schema and the docs (".." is refused besides).</summary>
    public const string Pattern = "^[A-Za-z][A-Za-z0-9_.-]*$";

    public const string Description = "letters, digits, '_', '-' and '.', starting with a letter, no '..', at most 100 characters";

    // Members a generated model class already has (from DeepDsl.Nn.Module and object): a layer property of one of these names would hide it.
    private static readonly HashSet<string> ReservedIdentifiers = new()
    {
        "RegisterParameter", "RegisterBuffer", "RegisterModule", "Dispose", "Equals", "GetHashCode", "GetType", "ToString", "MemberwiseClone", "Finalize",
    };

    public static bool IsValid(string name)
    {
        if (name.Length == 0 || name.Length > MaxLength || !IsAsciiLetter(name[0]) || name.Contains("..")) return false;
        foreach (var c in name)
            if (!IsAsciiLetter(c) && !(c >= '0' && c <= '9') && c != '_' && c != '-' && c != '.') return false;
        return true;
    }

    /// <summary>dense_1 → Dense1, cifar10-selu → Cifar10Selu: the PascalCase C# identifier of a valid name.</summary>
    public static string Identifier(string name)
    {
        var text = new StringBuilder(name.Length);
        var upper = true;
        foreach (var c in name)
        {
            if (!char.IsLetterOrDigit(c))
            {
                upper = true;
                continue;
            }
            text.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }
        return text.ToString();
    }

    /// <summary>The generated model class of an experiment: a layer may not take its name (a member cannot be named as its class).</summary>
    public static string ModelType(string experimentName) => Identifier(experimentName) + "Model";

    public static string ExperimentType(string experimentName) => Identifier(experimentName) + "Experiment";

    /// <summary>Whether a layer's identifier would clash with a member every generated model has, or with the class itself.</summary>
    public static bool IsReservedLayerIdentifier(string identifier, string experimentName) =>
        ReservedIdentifiers.Contains(identifier) || identifier == ModelType(experimentName);

    private static bool IsAsciiLetter(char c) => c is >= 'A' and <= 'Z' or >= 'a' and <= 'z';
}
