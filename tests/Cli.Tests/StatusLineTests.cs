using System.Text;
using DeepDsl.Cli.Console;

namespace DeepDsl.Cli.Tests;

/// <summary>
/// The live line and the lines written above it share the terminal with .NET's console, which takes Console.Out's lock
/// for every write to the terminal and to read the window size. These tests play that console, so that the orders in
/// which the line and its writers take locks meet as they do in a real terminal.
/// </summary>
public sealed class StatusLineTests
{
    private static readonly TimeSpan Stuck = TimeSpan.FromSeconds(30);

    [Fact]
    public void A_line_written_while_a_redraw_waits_on_a_slow_terminal_is_written_once_the_terminal_takes_it()
    {
        var terminal = new ConsoleTerminal();
        var status = new StatusLine(terminal, terminal.WindowWidth);
        terminal.ConsoleOut = status.Output; // as LiveDisplay installs it
        status.Show(_ => "live");

        // A timer redraw holds the line and is slow to get its bytes into the terminal (as under load)...
        terminal.HoldNextWrite();
        Assert.True(terminal.Held.Wait(Stuck), "no redraw came from the timer");
        // ...while the run prints a line through Console.Out, which waits for the line.
        var writer = new Thread(() => status.Output.WriteLine("Engine: native engine")) { IsBackground = true };
        writer.Start();
        Assert.True(SpinWait.SpinUntil(() => writer.ThreadState.HasFlag(ThreadState.WaitSleepJoin), Stuck), "the line was written without waiting for the redraw");
        terminal.Release();

        Assert.True(writer.Join(Stuck), "the line and the redraw wait for each other: deadlock");
        status.Dispose();
        Assert.Contains("Engine: native engine\n", terminal.Text, StringComparison.Ordinal);
    }

    /// <summary>
    /// A terminal as .NET's console is on Unix: each write, once the bytes are in, and the window size take Console.Out's
    /// lock. One write can be held back, as a terminal that drains slowly holds a write(2).
    /// </summary>
    private sealed class ConsoleTerminal : TextWriter
    {
        private readonly StringBuilder text = new();
        private readonly ManualResetEventSlim released = new(true);
        private volatile bool holdNext;

        /// <summary>Console.Out: the original writer (this one) until the live display installs its own.</summary>
        public TextWriter? ConsoleOut { get; set; }

        public ManualResetEventSlim Held { get; } = new();

        public override Encoding Encoding => Encoding.UTF8;

        public string Text
        {
            get
            {
                lock (text) return text.ToString();
            }
        }

        public void HoldNextWrite()
        {
            released.Reset();
            holdNext = true;
        }

        public void Release() => released.Set();

        public int WindowWidth()
        {
            lock (ConsoleOut ?? this) return 80;
        }

        public override void Write(char value) => Write(value.ToString());

        public override void Write(string? value)
        {
            if (holdNext)
            {
                holdNext = false;
                Held.Set();
                released.Wait(Stuck);
            }
            lock (text) text.Append(value);
            // ConsolePal.Write updates its cached cursor position under Console.Out's lock after the bytes are written.
            lock (ConsoleOut ?? this) { }
        }
    }
}
