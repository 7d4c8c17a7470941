using System.Diagnostics;

namespace DeepDsl.Cli.Console;

/// <summary>
/// The one live line at the bottom of a terminal: what the tool is doing now, redrawn in place ten
/// times a second (so it shows within a tenth of a second and its clock keeps moving while a phase
/// blocks). Every other line goes through <see cref="Output"/> (Console.Out while the line is shown),
/// which clears the live line first, so the two never mix. The line is fitted to the current width on every
/// redraw; when the window shrank, the old line was reflowed by the terminal over several rows, which are
/// cleared first.
/// </summary>
/// <remarks>
/// The line has no lock of its own: it takes <see cref="Output"/>'s, which is Console.Out's. .NET's console takes
/// Console.Out's lock for every write to the terminal and to read the window size (ConsolePal.Unix), and Console.Out,
/// a synchronized writer, holds it for each call. With a lock of its own, a line written through Console.Out held the
/// console's lock and waited for the line's while a redraw held the line's and waited for the console's (to write or
/// to read the width): under load, `deepdsl run` froze on its spinner while printing the model summary.
/// </remarks>
internal sealed class StatusLine : IDisposable
{
    private static readonly string[] Spinner = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];
    private readonly TextWriter terminal;
    private readonly Func<int> width;
    private readonly Timer timer;
    private readonly Stopwatch clock = Stopwatch.StartNew();
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
        // Synchronized: Console.SetOut keeps a synchronized writer as it is, so this object is Console.Out and its lock the console's.
        Output = TextWriter.Synchronized(new StatusWriter(this));
        timer = new Timer(_ => Tick(), null, TimeSpan.Zero, TimeSpan.FromMilliseconds(100));
    }

    /// <summary>The writer to install as Console.Out: whole lines go above the live line. Its lock is the line's.</summary>
    public TextWriter Output { get; }

    /// <summary>A phase without progress of its own ("compiling the experiment"): a spinner and its elapsed time.</summary>
    public void Phase(string what)
    {
        phase = Stopwatch.StartNew();
        Show(w => FittedLine.Fit([(Spinner[frame % Spinner.Length], 9), (what, 8), ($"{phase.Elapsed.TotalSeconds:F1} s", 7)], w - 1, " "));
    }

    /// <summary>What to draw, given the width; called on every redraw.</summary>
    public void Show(Func<int, string> line)
    {
        lock (Output)
        {
            render = line;
            Draw();
        }
    }

    /// <summary>A permanent line above the live one.</summary>
    public void WriteLine(string line)
    {
        lock (Output)
        {
            Clear();
            terminal.Write(line + "\n");
            if (!disposed) Redraw();
        }
    }

    /// <summary>
    /// The timer's redraw. When the terminal is busy (a line being written, or a write the terminal is slow to take) it
    /// skips its frame rather than wait: the next tick draws, and waiting ticks would pile up on the thread pool.
    /// </summary>
    private void Tick()
    {
        if (!Monitor.TryEnter(Output)) return;
        try
        {
            Draw();
        }
        finally
        {
            Monitor.Exit(Output);
        }
    }

    private void Draw()
    {
        if (disposed) return;
        frame++;
        Clear();
        Redraw();
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
        lock (Output)
        {
            if (disposed) return;
            disposed = true;
            timer.Dispose();
            Clear();
            terminal.Flush();
        }
    }
}
