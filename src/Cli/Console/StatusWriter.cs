using System.Text;

namespace DeepDsl.Cli.Console;

/// <summary>A TextWriter whose whole lines go above the live status line (for code that logs to a TextWriter while the line is shown).</summary>
internal sealed class StatusWriter(StatusLine status) : TextWriter
{
    private readonly StringBuilder pending = new();

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value)
    {
        if (value == '\n')
        {
            status.WriteLine(pending.ToString().TrimEnd('\r'));
            pending.Clear();
        }
        else pending.Append(value);
    }

    public override void Write(string? value)
    {
        foreach (var c in value ?? "") Write(c);
    }

    public override void WriteLine(string? value) => Write((value ?? "") + "\n");
}
