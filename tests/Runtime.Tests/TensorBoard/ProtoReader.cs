using System.Buffers.Binary;
using System.Text;

namespace DeepDsl.Runtime.Tests.TensorBoard;

/// <summary>
/// The protobuf wire format read by hand (protobuf.dev/programming-guides/encoding): each field is a varint key
/// (field number &lt;&lt; 3 | wire type) and a value — a varint (0), 8 bytes (1), a length-prefixed run of bytes (2) or 4 bytes (5).
/// Independent of Google.Protobuf on purpose: the test checks the bytes TensorBoard would read, not the library's round trip.
/// </summary>
internal static class ProtoReader
{
    /// <summary>One field as it lies in the message: its number, wire type and raw value (the varint, or the bytes).</summary>
    public sealed record Field(int Number, int WireType, ulong Varint, byte[] Bytes)
    {
        public double Double => BitConverter.Int64BitsToDouble(BinaryPrimitives.ReadInt64LittleEndian(Of(1)));
        public float Float => BitConverter.Int32BitsToSingle(BinaryPrimitives.ReadInt32LittleEndian(Of(5)));
        public string Text => Encoding.UTF8.GetString(Of(2));
        public IReadOnlyList<Field> Message => Fields(Of(2));

        private byte[] Of(int wireType) =>
            WireType == wireType ? Bytes : throw new InvalidDataException($"field {Number} has wire type {WireType}, expected {wireType}");
    }

    public static IReadOnlyList<Field> Fields(ReadOnlySpan<byte> message)
    {
        var fields = new List<Field>();
        var at = 0;
        while (at < message.Length)
        {
            var key = Varint(message, ref at);
            var (number, wireType) = ((int)(key >> 3), (int)(key & 7));
            if (number == 0) throw new InvalidDataException("field number 0");
            fields.Add(wireType switch
            {
                0 => new Field(number, 0, Varint(message, ref at), []),
                1 => new Field(number, 1, 0, Take(message, ref at, 8)),
                2 => new Field(number, 2, 0, Take(message, ref at, checked((int)Varint(message, ref at)))),
                5 => new Field(number, 5, 0, Take(message, ref at, 4)),
                _ => throw new InvalidDataException($"field {number}: wire type {wireType} is not one a proto3 writer uses"),
            });
        }
        return fields;
    }

    private static ulong Varint(ReadOnlySpan<byte> data, ref int at)
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (at >= data.Length) throw new InvalidDataException("a varint runs past the end of its message");
            var b = data[at++];
            value |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0) return value;
        }
        throw new InvalidDataException("a varint longer than 10 bytes");
    }

    private static byte[] Take(ReadOnlySpan<byte> data, ref int at, int count)
    {
        if (count < 0 || at + count > data.Length) throw new InvalidDataException("a field runs past the end of its message");
        var bytes = data.Slice(at, count).ToArray();
        at += count;
        return bytes;
    }
}
