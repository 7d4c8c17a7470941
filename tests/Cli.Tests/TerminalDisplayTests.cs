using System.Diagnostics;

namespace DeepDsl.Cli.Tests;

/// <summary>
/// `deepdsl run` in a real terminal (tmux): the live line says what is happening early, progress lines
/// never wrap at 60, 80 or 200 columns, and a resize mid-epoch leaves no broken line behind.
/// `capture-pane -J` joins wrapped rows, so a line that wrapped shows longer than the window.
/// </summary>
[Collection("terminal")]
public sealed class TerminalDisplayTests
{
    private const string Spec = """
        name: terminal-display
        data: { dataset: synthetic, samples: 40000, classes: 4, validation: 2000, noise: 2.0 }
        model:
          input: [64]
          layers:
            - dense: { units: 128, activation: elu, kernel_init: he_normal }
            - dense: { units: 4, activation: softmax }
        training:
          loss: sparse_categorical_crossentropy
          optimizer: { nadam: { learning_rate: 0.001 } }
          batch_size: 32
          epochs: 3
        """;

    [Theory]
    [InlineData(60)]
    [InlineData(80)]
    [InlineData(200)]
    public void Progress_lines_fit_the_terminal_and_the_first_status_shows_at_once(int columns)
    {
        using var terminal = new Tmux(columns);
        var (firstStatus, screens, last) = terminal.Run(Spec, resizeTo: null);
        AssertEnded(last);
        Assert.True(firstStatus < TimeSpan.FromSeconds(2.5), $"nothing on the screen for {firstStatus.TotalSeconds:F1} s (including dotnet's start)");
        var progress = screens.SelectMany(s => s).Where(IsProgress).Distinct().ToList();
        Assert.Contains(progress, l => l.Contains("ETA", StringComparison.Ordinal));
        Assert.All(progress, l => Assert.True(l.Length <= columns, $"wrapped at {columns} columns ({l.Length} characters): {l}"));
    }

    [Fact]
    public void A_resize_mid_epoch_redraws_the_live_line_without_leftovers()
    {
        using var terminal = new Tmux(200);
        var (_, screens, last) = terminal.Run(Spec, resizeTo: 60);
        AssertEnded(last);
        Assert.True(screens.Count > 0, "no epoch progress was ever seen to resize during");
        var after = screens.Skip(1).Where(s => !s.Any(l => l.StartsWith("Run:", StringComparison.Ordinal))).ToList();
        foreach (var screen in after)
        {
            Assert.True(screen.Count(l => l.Contains("ETA", StringComparison.Ordinal)) <= 1, "a stale progress line is left:\n" + string.Join("\n", screen));
            Assert.All(screen.Where(l => l.Contains("ETA", StringComparison.Ordinal)), l => Assert.True(l.Length <= 60, l));
        }
    }

    /// <summary>The run ended: one that hangs fails here with its frozen screen, not later as a progress line never seen.</summary>
    private static void AssertEnded(List<string> lastScreen) =>
        Assert.True(lastScreen.Contains("DONE"), "deepdsl run did not end within the test's 3 minutes; its last screen:\n" + string.Join("\n", lastScreen));

    private static bool IsProgress(string line) =>
        line.StartsWith("Epoch", StringComparison.Ordinal) && line.Contains("ETA", StringComparison.Ordinal) || line.Length > 0 && line[0] is >= '⠀' and <= '⣿';

    /// <summary>A tmux server of its own (its own socket) running one command in a window of a given width.</summary>
    private sealed class Tmux(int columns) : IDisposable
    {
        private readonly string socket = "deepdsl-test-" + Guid.NewGuid().ToString("N")[..8];
        private readonly string folder = Directory.CreateTempSubdirectory("deepdsl-tty-").FullName;

        /// <summary>Runs the spec; returns when the first text appeared, every screen seen (after a resize when asked: the first screen is the one before it) and the last screen.</summary>
        public (TimeSpan FirstStatus, List<List<string>> Screens, List<string> Last) Run(string spec, int? resizeTo)
        {
            File.WriteAllText(Path.Combine(folder, "spec.yaml"), spec);
            var command = $"dotnet '{Path.Combine(AppContext.BaseDirectory, "deepdsl.dll")}' run spec.yaml --runs runs; echo DONE; sleep 30";
            var clock = Stopwatch.StartNew();
            Tmux_("new-session", "-d", "-s", "t", "-x", columns.ToString(), "-y", "40", "-c", folder, command);
            TimeSpan? first = null;
            var screens = new List<List<string>>();
            var resized = false;
            var screen = new List<string>();
            while (clock.Elapsed < TimeSpan.FromMinutes(3))
            {
                screen = Tmux_("capture-pane", "-p", "-J", "-t", "t").Split('\n').Select(l => l.TrimEnd()).Where(l => l.Length > 0).ToList();
                if (first is null && screen.Count > 0) first = clock.Elapsed;
                if (resizeTo is not { } narrower || resized) screens.Add(screen);
                if (resizeTo is { } width && !resized && screen.Any(l => l.StartsWith("Epoch ", StringComparison.Ordinal) && l.Contains("ETA", StringComparison.Ordinal)))
                {
                    screens.Add(screen);
                    Tmux_("resize-window", "-t", "t", "-x", width.ToString());
                    resized = true;
                }
                if (screen.Any(l => l == "DONE")) break;
                Thread.Sleep(150);
            }
            return (first ?? clock.Elapsed, screens, screen);
        }

        private string Tmux_(params string[] arguments)
        {
            var start = new ProcessStartInfo("tmux") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in new[] { "-L", socket, "-f", "/dev/null" }.Concat(arguments)) start.ArgumentList.Add(a);
            // A UTF-8 locale, as a user's terminal has: the progress bar and spinner are not ASCII.
            start.Environment["LANG"] = "C.UTF-8";
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return output;
        }

        public void Dispose() => Tmux_("kill-server");
    }
}
