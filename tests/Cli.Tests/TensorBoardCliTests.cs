using System.Text;

namespace DeepDsl.Cli.Tests;

/// <summary>
/// `deepdsl run --tensorboard` and the spec's training.tensorboard write one event file into the run folder; without either,
/// none. What the file holds is read back record by record in Runtime.Tests (TensorBoard/); here, that the CLI asks for it.
/// </summary>
public sealed class TensorBoardCliTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("deepdsl-tensorboard-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Theory]
    [InlineData("--tensorboard", "")]
    [InlineData("", "  tensorboard: true\n")]
    [InlineData("", "")]
    public void Event_files_are_written_when_the_option_or_the_spec_asks(string option, string specLine)
    {
        var spec = TinySpec.Named("boarded", "samples: 100, classes: 2, validation: 20").Replace("training:\n", "training:\n" + specLine, StringComparison.Ordinal);
        Assert.Contains("training:\n", spec);
        File.WriteAllText(Path.Combine(folder, "boarded.yaml"), spec);
        string[] arguments = option.Length > 0 ? ["run", "boarded.yaml", option] : ["run", "boarded.yaml"];
        var result = DeepDslProcess.Run(folder, arguments);
        Assert.True(result.Exit == 0, result.ToString());

        var run = Directory.GetDirectories(Path.Combine(folder, "runs", "boarded")).Single();
        var events = Directory.GetFiles(run, "events.out.tfevents.*");
        if (option.Length == 0 && specLine.Length == 0)
        {
            Assert.Empty(events);
            return;
        }
        var bytes = File.ReadAllBytes(Assert.Single(events));
        // The first record's data is the version event; the per-epoch scalars carry the metrics' names as tags
        // (val_accuracy: a name the spec text beside them does not hold, so only a scalar's tag can put it there).
        var text = Encoding.Latin1.GetString(bytes);
        Assert.Equal(1, CountOf(text, "brain.Event:2"));
        Assert.Contains("val_accuracy", text);
        // Records end exactly at the end of the file: the version, the hyperparameters, the spec, an epoch, how it ended.
        Assert.True(Records(bytes) >= 3, $"{Records(bytes)} records");
    }

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;

    // The records' framing: u64 length, u32 CRC of it, the data, u32 CRC of the data (the CRCs are checked in Runtime.Tests).
    private static int Records(byte[] bytes)
    {
        var (offset, count) = (0L, 0);
        while (offset < bytes.Length)
        {
            Assert.True(offset + 12 <= bytes.Length, $"a record's header is cut at byte {offset}");
            offset += 8 + 4 + BitConverter.ToInt64(bytes, (int)offset) + 4;
            count++;
        }
        Assert.Equal(bytes.Length, offset);
        return count;
    }
}
