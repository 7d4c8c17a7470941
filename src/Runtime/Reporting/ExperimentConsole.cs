using System.Globalization;
using System.Reflection;
using DeepDsl.Experiments;
using DeepDsl.Runs;
using DeepDsl.Training;

namespace DeepDsl.Reporting;

/// <summary>
/// `deepdsl run` from a program of one's own: trains an experiment with the CLI's console output (the model summary, a
/// line per epoch, the run folder and the final status), ends a spec, data or machine error as one line on stderr with
/// exit code 1 (the CLI's text, after the program's name), stops at the end of the current batch on Ctrl-C (exit 130),
/// and lets a bug crash with its stack trace. The returned exit code is meant to be returned from Main.
/// </summary>
public static class ExperimentConsole
{
    /// <summary>
    /// Trains <paramref name="experiment"/> through the run layer (<see cref="ExperimentRun"/>; runs go under runs/ unless
    /// <paramref name="options"/> say otherwise) and returns the exit code. <paramref name="callbacks"/> (loggers, one's own)
    /// are added to the run's callbacks; the line per epoch stays.
    /// </summary>
    public static int Run(IExperiment experiment, RunOptions? options = null, CancellationToken cancellation = default,
        IReadOnlyList<ITrainingCallback>? callbacks = null)
    {
        using var interrupt = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        // Ctrl-C stops the run as the CLI's does: the epoch in progress ends, the run is recorded as interrupted.
        ConsoleCancelEventHandler stop = (_, e) =>
        {
            e.Cancel = true;
            interrupt.Cancel();
        };
        Console.CancelKeyPress += stop;
        var output = Console.Out;
        try
        {
            RunReport.WriteHeader(experiment, output);
            var result = ExperimentRun.Start(experiment, options ?? new RunOptions(), output, callbacks, interrupt.Token, new EpochLog(output));
            output.WriteLine(RunReport.RunLine(result));
            output.WriteLine(RunReport.StatusLine(result.Summary));
            return RunReport.ExitCode(result.Summary);
        }
        catch (OperationCanceledException) when (interrupt.IsCancellationRequested)
        {
            Console.Error.WriteLine($"{ProgramName}: interrupted");
            return ExitCodes.Interrupted;
        }
        catch (Exception error) when (UserError.Is(error))
        {
            Console.Error.WriteLine($"{ProgramName}: error: {UserError.Describe(error)}");
            return ExitCodes.Failed;
        }
        finally
        {
            Console.CancelKeyPress -= stop;
            output.Flush();
        }
    }

    /// <summary>
    /// A program's whole Main over a catalog of experiments (the generated <c>ExperimentCatalog.All</c>): no arguments
    /// list them; <c>NAME [EPOCHS]</c> trains one with <see cref="Run(IExperiment, RunOptions?, CancellationToken, IReadOnlyList{ITrainingCallback}?)"/>;
    /// anything else is one line on stderr and exit code 2.
    /// </summary>
    public static int Run(IReadOnlyDictionary<string, Func<IExperiment>> experiments, string[] args)
    {
        if (args.Length == 0)
        {
            Console.WriteLine("Experiments (arguments: NAME [EPOCHS]):");
            foreach (var name in experiments.Keys.Order(StringComparer.Ordinal)) Console.WriteLine($"  {TerminalText.Escape(name)}");
            return ExitCodes.Ok;
        }
        if (args.Length > 2) return Usage($"expected NAME [EPOCHS], got {args.Length} arguments");
        if (!experiments.TryGetValue(args[0], out var create))
            return Usage($"no experiment named '{args[0]}'; the experiments are: {string.Join(", ", experiments.Keys.Order(StringComparer.Ordinal))}");
        int? epochs = null;
        if (args.Length == 2)
        {
            if (!int.TryParse(args[1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1)
                return Usage($"EPOCHS must be a whole number of at least 1, got '{args[1]}'");
            epochs = n;
        }
        return Run(create(), new RunOptions(Epochs: epochs));
    }

    // Arguments are the user's text: one escaped line, as every error.
    private static int Usage(string message)
    {
        Console.Error.WriteLine($"{ProgramName}: error: {TerminalText.OneLine(message)}");
        return ExitCodes.Usage;
    }

    /// <summary>The program's name, where the CLI says "deepdsl".</summary>
    private static string ProgramName => Assembly.GetEntryAssembly()?.GetName().Name ?? "deepdsl";
}
