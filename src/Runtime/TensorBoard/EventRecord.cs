using System.Buffers.Binary;
using System.IO.Hashing;

namespace DeepDsl.TensorBoard;

/// <summary>
/// TensorFlow's record framing, which event files are made of (tensorflow/core/lib/io/record_writer.cc): the data's length
/// as a little-endian uint64, the masked CRC-32C of those 8 bytes, the data, the masked CRC-32C of the data.
/// </summary>
internal static class EventRecord
{
    // TensorFlow stores every CRC masked (tensorflow/core/lib/hash/crc32c.h): the CRC of data that holds CRCs is otherwise
    // easy to mistake for one of them.
    private const uint MaskDelta = 0xa282ead8;

    public static byte[] Frame(ReadOnlySpan<byte> data)
    {
        var record = new byte[8 + 4 + data.Length + 4];
        BinaryPrimitives.WriteUInt64LittleEndian(record, (ulong)data.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(record.AsSpan(8), MaskedCrc(record.AsSpan(0, 8)));
        data.CopyTo(record.AsSpan(12));
        BinaryPrimitives.WriteUInt32LittleEndian(record.AsSpan(12 + data.Length), MaskedCrc(data));
        return record;
    }

    public static uint MaskedCrc(ReadOnlySpan<byte> data)
    {
        var crc = Crc32.HashToUInt32(Crc32ParameterSet.Crc32C, data);
        return ((crc >> 15) | (crc << 17)) + MaskDelta;
    }
}
