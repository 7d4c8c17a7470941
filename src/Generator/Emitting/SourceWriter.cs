using System;
using System.Text;

namespace DeepDsl.Generator.Emitting;

/// <summary>
/// Appends lines of C# with the current indentation (as the .NET runtime's generators do), so the
/// emitter reads as the code it writes; multi-line raw strings are re-indented line by line.
/// </summary>
internal sealed class SourceWriter
{
    private const string IndentUnit = "    ";
    private readonly StringBuilder text = new StringBuilder();

    public int Indentation { get; set; }

    public SourceWriter WriteLine(string line = "")
    {
        if (line.Length == 0)
        {
            text.Append('\n');
            return this;
        }
        foreach (var part in line.Split('\n'))
        {
            var trimmed = part.TrimEnd('\r');
            if (trimmed.Length > 0)
                for (var i = 0; i < Indentation; i++) text.Append(IndentUnit);
            text.Append(trimmed).Append('\n');
        }
        return this;
    }

    /// <summary>Writes a line at column zero (for #line directives).</summary>
    public SourceWriter WriteDirective(string line)
    {
        text.Append(line).Append('\n');
        return this;
    }

    public SourceWriter OpenBlock(string header)
    {
        WriteLine(header);
        WriteLine("{");
        Indentation++;
        return this;
    }

    public SourceWriter CloseBlock(string suffix = "")
    {
        Indentation--;
        return WriteLine("}" + suffix);
    }

    public override string ToString() => text.ToString();
}
