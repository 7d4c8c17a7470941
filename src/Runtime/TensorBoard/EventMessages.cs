using DeepDsl.Runs;
using DeepDsl.TensorBoard.Protos;
using DeepDsl.Training;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using SummaryValue = DeepDsl.TensorBoard.Protos.Summary.Types.Value;

namespace DeepDsl.TensorBoard;

/// <summary>
/// The events a run's file holds, as TensorBoard's plugins expect them: the file version first, scalars per epoch (the
/// scalars plugin reads <c>simple_value</c>), the resolved spec (text plugin) and the hyperparameters with the run's end
/// (HParams plugin: a session start and a session end, tags and version as tensorboard/plugins/hparams/metadata.py).
/// </summary>
internal static class EventMessages
{
    public const string FileVersion = "brain.Event:2";
    public const string SpecTag = "spec";
    public const string SessionStartTag = "_hparams_/session_start_info";
    public const string SessionEndTag = "_hparams_/session_end_info";

    public static Event Version(DateTimeOffset now) => new() { WallTime = Seconds(now), FileVersion = FileVersion };

    /// <summary>A resumed run restarts at <paramref name="step"/>: TensorBoard drops what earlier files hold from there on.</summary>
    public static Event Restart(DateTimeOffset now, long step) =>
        new() { WallTime = Seconds(now), Step = step, SessionLog = new SessionLog { Status = SessionLog.Types.SessionStatus.Start } };

    /// <summary>The run's hyperparameters and its resolved spec, at step 0.</summary>
    public static Event Start(DateTimeOffset now, IReadOnlyList<KeyValuePair<string, Value>> hyperparameters, string resolvedSpec)
    {
        var start = new SessionStartInfo { StartTimeSecs = Seconds(now) };
        foreach (var (name, value) in hyperparameters) start.Hparams[name] = value;
        var text = new SummaryValue
        {
            Tag = SpecTag,
            Metadata = Plugin("text", ByteString.Empty),
            Tensor = new TensorProto { Dtype = DataType.DtString, TensorShape = new TensorShapeProto(), StringVal = { ByteString.CopyFromUtf8(resolvedSpec) } },
        };
        return Summarized(now, 0, HParams(SessionStartTag, new HParamsPluginData { SessionStartInfo = start }), text);
    }

    /// <summary>One epoch: every metrics.csv column but the epoch (which is the step), the momentum included.</summary>
    /// <remarks>A value that is NaN or empty in metrics.csv (val_* without a validation split, an optimizer without momentum) has no point.</remarks>
    public static Event Scalars(DateTimeOffset now, EpochMetrics metrics)
    {
        var values = Columns.Select(name => (Name: name, Value: metrics[name])).Where(m => !double.IsNaN(m.Value));
        return Summarized(now, metrics.Epoch, [.. values.Select(v => new SummaryValue { Tag = v.Name, SimpleValue = (float)v.Value })]);
    }

    /// <summary>How the run ended, from its run status: a finished run succeeded unless its exit code says it failed (diverged); one not finished (interrupted) may go on.</summary>
    public static Event End(DateTimeOffset now, long step, RunStatus status)
    {
        var end = new SessionEndInfo
        {
            EndTimeSecs = Seconds(now),
            Status = !status.Finished ? Status.Unknown : status.ExitCode == Reporting.ExitCodes.Ok ? Status.Success : Status.Failure,
        };
        return Summarized(now, step, HParams(SessionEndTag, new HParamsPluginData { SessionEndInfo = end }));
    }

    // metrics.csv's columns in its order, the epoch left out.
    private static readonly string[] Columns = [.. MetricsCsv.Header.Split(',').Skip(1)];

    private static SummaryValue HParams(string tag, HParamsPluginData data) => new() { Tag = tag, Metadata = Plugin("hparams", data.ToByteString()) };

    private static SummaryMetadata Plugin(string name, ByteString content) =>
        new() { PluginData = new SummaryMetadata.Types.PluginData { PluginName = name, Content = content } };

    private static Event Summarized(DateTimeOffset now, long step, params SummaryValue[] values) =>
        new() { WallTime = Seconds(now), Step = step, Summary = new Protos.Summary { Value = { values } } };

    private static double Seconds(DateTimeOffset time) => time.ToUnixTimeMilliseconds() / 1000.0;
}
