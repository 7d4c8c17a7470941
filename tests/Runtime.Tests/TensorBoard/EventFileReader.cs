using System.Buffers.Binary;

namespace DeepDsl.Runtime.Tests.TensorBoard;

/// <summary>
/// An event file read from the format's definition, as TensorBoard reads it: TensorFlow's records (a little-endian uint64
/// length, the masked CRC-32C of those 8 bytes, the data, the masked CRC-32C of the data), each an <c>Event</c>
/// (tensorflow/core/util/event.proto) whose <c>Summary</c> (tensorflow/core/framework/summary.proto) holds the values.
/// </summary>
internal static class EventFileReader
{
    public static IReadOnlyList<byte[]> Records(byte[] file)
    {
        var records = new List<byte[]>();
        var at = 0;
        while (at < file.Length)
        {
            if (file.Length - at < 12) throw new InvalidDataException($"a record header at byte {at} is cut short");
            var length = BinaryPrimitives.ReadUInt64LittleEndian(file.AsSpan(at, 8));
            if (BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(at + 8, 4)) != Crc32C.Masked(file.AsSpan(at, 8)))
                throw new InvalidDataException($"the length CRC of the record at byte {at} does not match");
            if (length > (ulong)(file.Length - at - 16)) throw new InvalidDataException($"the record at byte {at} is cut short");
            var data = file.AsSpan(at + 12, (int)length);
            if (BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(at + 12 + (int)length, 4)) != Crc32C.Masked(data))
                throw new InvalidDataException($"the data CRC of the record at byte {at} does not match");
            records.Add(data.ToArray());
            at += 16 + (int)length;
        }
        return records;
    }

    public static IReadOnlyList<TensorBoardEvent> Events(byte[] file) => [.. Records(file).Select(Event)];

    // Event: wall_time = 1 (double), step = 2 (int64), file_version = 3, summary = 5, session_log = 7 (status = 1).
    private static TensorBoardEvent Event(byte[] data)
    {
        var fields = ProtoReader.Fields(data);
        return new TensorBoardEvent(
            fields.SingleOrDefault(f => f.Number == 1)?.Double ?? 0,
            (long)(fields.SingleOrDefault(f => f.Number == 2)?.Varint ?? 0),
            fields.SingleOrDefault(f => f.Number == 3)?.Text,
            [.. fields.Where(f => f.Number == 5).SelectMany(s => s.Message.Where(v => v.Number == 1)).Select(v => Value(v.Message))],
            fields.SingleOrDefault(f => f.Number == 7) is { } log ? (int)(log.Message.SingleOrDefault(f => f.Number == 1)?.Varint ?? 0) : null);
    }

    // Summary.Value: tag = 1, simple_value = 2 (float), tensor = 8 (string_val = 8), metadata = 9 (plugin_data = 1: plugin_name = 1, content = 2).
    private static SummaryValue Value(IReadOnlyList<ProtoReader.Field> fields)
    {
        var plugin = fields.SingleOrDefault(f => f.Number == 9)?.Message.SingleOrDefault(f => f.Number == 1)?.Message;
        return new SummaryValue(
            fields.Single(f => f.Number == 1).Text,
            fields.SingleOrDefault(f => f.Number == 2)?.Float,
            plugin?.SingleOrDefault(f => f.Number == 1)?.Text,
            plugin?.SingleOrDefault(f => f.Number == 2)?.Bytes ?? [],
            [.. fields.Where(f => f.Number == 8).SelectMany(t => t.Message.Where(s => s.Number == 8)).Select(s => s.Text)]);
    }
}

/// <summary>An event as read back: a session log's status (START = 1) when it is one.</summary>
internal sealed record TensorBoardEvent(double WallTime, long Step, string? FileVersion, IReadOnlyList<SummaryValue> Values, int? SessionLogStatus);

/// <summary>A summary value: a scalar's <c>simple_value</c>, or a plugin's content, or a text tensor's strings.</summary>
internal sealed record SummaryValue(string Tag, float? SimpleValue, string? PluginName, byte[] PluginContent, IReadOnlyList<string> Strings);
