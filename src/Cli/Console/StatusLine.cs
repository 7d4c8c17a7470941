using System.Diagnostics;

namespace DeepDsl.Cli.Console;

/// <summary>
/// The one live line at the bottom of a terminal: what the tool is doing now, redrawn in place ten
/// times a second (so it shows within a tenth of a second and its clock keeps moving while a phase
/// blocks). Every other line goes through <see cref="WriteLine"/>, which clears the live line first,
/// so the two never mix. The line is fitted to the current width on every redraw; when the window
/// shrank, the old line was reflowed by the terminal over several rows, which are cleared first.
/// </summary>
internal sealed class StatusLine : IDisposable
{
    private static readonly string[] Spinner = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];
    private readonly TextWriter terminal;
    private readonly Func<int> width;
    private readonly Timer timer;
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly object gate = new();
    private Func<int, string> render = _ => "";
    private Stopwatch phase = Stopwatch.StartNew();
    private int drawnLength;
    private int drawnWidth;
    private int frame;
    private bool disposed;

    public StatusLine(TextWriter terminal, Func<int> width)
    {
        this.terminal = terminal;
        this.width = width;
        timer = new Timer(_ => Draw(), null, TimeSpan.Zero, TimeSpan.FromMilliseconds(100));
    }

    /// <summary>A phase without progress of its own ("compiling the experiment"): a spinner and its elapsed time.</summary>
    public void Phase(string what)
    {
        phase = Stopwatch.StartNew();
        Show(w => FittedLine.Fit([(Spinner[frame % Spinner.Length], 9), (what, 8), ($"{phase.Elapsed.TotalSeconds:F1} s", 7)], w - 1, " "));
    }

    /// <summary>What to draw, given the width; called on every redraw.</summary>
    public void Show(Func<int, string> line)
    {
        lock (gate) render = line;
        Draw();
    }

    /// <summary>A permanent line above the live one.</summary>
    public void WriteLine(string line)
    {
        lock (gate)
        {
            Clear();
            terminal.Write(line + "\n");
            Redraw();
        }
    }

    private void Draw()
    {
        lock (gate)
        {
            if (disposed) return;
            frame++;
            Clear();
            Redraw();
        }
    }

    private void Redraw()
    {
        var w = Math.Max(20, width());
        var line = render(w);
        if (line.Length > w - 1) line = line[..(w - 2)] + "…";
        terminal.Write(line);
        terminal.Flush();
        drawnLength = line.Length;
        drawnWidth = w;
    }

    /// <summary>Erases the live line, including the rows a narrower window reflowed it onto.</summary>
    private void Clear()
    {
        var w = Math.Max(20, width());
        var rows = w < drawnWidth && drawnLength > w ? (drawnLength + w - 1) / w : 1;
        terminal.Write(rows > 1 ? $"\r\x1b[{rows - 1}A\x1b[J" : "\r\x1b[K");
        drawnLength = 0;
    }

    public void Dispose()
    {
        lock (gate)
        {
            if (disposed) return;
            disposed = true;
            timer.Dispose();
            Clear();
            terminal.Flush();
        }
    }
}
