using System.Globalization;
using DeepDsl.IO;
using DeepDsl.Runs;
using Google.Protobuf;

namespace DeepDsl.TensorBoard;

/// <summary>
/// One event file in a run folder, events.out.tfevents.&lt;unix seconds&gt;.&lt;host&gt;.&lt;process id&gt;.&lt;n&gt; (TensorBoard reads any
/// file whose name holds "tfevents"; the process id and its count of files, as TensorFlow's writers add them, keep a run
/// resumed within the same second from writing into its earlier file): events appended one framed record at a time, each
/// written whole and flushed to disk.
/// </summary>
/// <remarks>
/// Appended, not rewritten through <see cref="AtomicFile"/>: TensorBoard's readers keep an event file open and read on from
/// where they stopped, so a file replaced by a rename is a new file they never see and the curves would stop moving. A crash
/// can leave at most the last record torn, which readers take for the end of the file (its length or CRC does not match);
/// a resumed run writes a new file. The file is opened for each record through <see cref="OwnedFolder.OpenAppend"/>, so a
/// link planted at its name is refused, never followed.
/// </remarks>
internal sealed class EventFile
{
    private static int created;
    private readonly OwnedFolder folder;

    private EventFile(OwnedFolder folder, string path)
    {
        this.folder = folder;
        Path = path;
    }

    public string Path { get; }

    /// <summary>A new event file for a training session that starts at <paramref name="now"/> in <paramref name="run"/>.</summary>
    public static EventFile Create(RunDirectory run, DateTimeOffset now)
    {
        var name = string.Create(CultureInfo.InvariantCulture,
            $"events.out.tfevents.{now.ToUnixTimeSeconds()}.{Host(Environment.MachineName)}.{Environment.ProcessId}.{Interlocked.Increment(ref created)}");
        return new EventFile(run.Owned, System.IO.Path.Combine(run.Path, name));
    }

    public void Append(IMessage message)
    {
        var record = EventRecord.Frame(message.ToByteArray());
        using var stream = folder.OpenAppend(Path);
        stream.Write(record);
        stream.Flush(flushToDisk: true);
    }

    // The host name becomes part of a file name: only letters, digits, dots and dashes are kept.
    private static string Host(string name)
    {
        var kept = new string([.. name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' ? c : '_')]).Trim('.');
        return kept.Length == 0 ? "localhost" : kept;
    }
}
