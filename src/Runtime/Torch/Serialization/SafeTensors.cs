using System.Buffers.Binary;
using System.Text;
using System.Text.Json;

namespace DeepDsl.Torch.Serialization;

/// <summary>
/// Named tensors in the safetensors format (https://github.com/huggingface/safetensors): an 8-byte
/// little-endian header length, a JSON header mapping each name to dtype, shape and byte offsets
/// (plus string metadata under "__metadata__"), then the raw little-endian data. No pickle, nothing
/// executable. Files are written atomically; malformed files raise InvalidDataException naming the file.
/// </summary>
public static class SafeTensors
{
    private const long MaxHeaderBytes = 100_000_000;

    public static void Save(string path, IReadOnlyDictionary<string, Tensor> tensors, IReadOnlyDictionary<string, string>? metadata = null)
    {
        var names = tensors.Keys.Order(StringComparer.Ordinal).ToList();
        var header = new Dictionary<string, object>(StringComparer.Ordinal);
        if (metadata is { Count: > 0 }) header["__metadata__"] = metadata;
        var blobs = new List<byte[]>();
        long offset = 0;
        foreach (var name in names)
        {
            var tensor = tensors[name];
            var bytes = Bytes(tensor);
            header[name] = new Dictionary<string, object>
            {
                ["dtype"] = DtypeName(tensor.dtype),
                ["shape"] = tensor.shape,
                ["data_offsets"] = new[] { offset, offset + bytes.Length },
            };
            blobs.Add(bytes);
            offset += bytes.Length;
        }
        var json = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(header));
        // Pad the header with spaces to a multiple of 8 bytes, so the data that follows is aligned.
        var padded = (json.Length + 7) / 8 * 8;
        IO.AtomicFile.Write(path, temporary =>
        {
            using var file = File.Create(temporary);
            Span<byte> length = stackalloc byte[8];
            BinaryPrimitives.WriteUInt64LittleEndian(length, (ulong)padded);
            file.Write(length);
            file.Write(json);
            for (var i = json.Length; i < padded; i++) file.WriteByte((byte)' ');
            foreach (var blob in blobs) file.Write(blob);
        });
    }

    /// <summary>Reads every tensor (on the CPU) and the string metadata.</summary>
    public static (Dictionary<string, Tensor> Tensors, Dictionary<string, string> Metadata) Load(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length < 8) throw Corrupt(path, "it is shorter than the 8-byte header length");
        var headerLength = (long)BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        if (headerLength <= 0 || headerLength > MaxHeaderBytes || 8 + headerLength > bytes.Length)
            throw Corrupt(path, $"its header length {headerLength} does not fit a file of {bytes.Length} bytes");
        JsonElement header;
        try
        {
            header = JsonDocument.Parse(bytes.AsMemory(8, (int)headerLength)).RootElement;
        }
        catch (JsonException error)
        {
            throw Corrupt(path, $"its header is not valid JSON ({error.Message})");
        }
        var dataStart = 8 + headerLength;
        var tensors = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            foreach (var entry in header.EnumerateObject())
            {
                if (entry.Name == "__metadata__")
                {
                    foreach (var m in entry.Value.EnumerateObject()) metadata[m.Name] = m.Value.GetString() ?? "";
                    continue;
                }
                var dtype = ParseDtype(entry.Value.GetProperty("dtype").GetString(), path, entry.Name);
                var shape = entry.Value.GetProperty("shape").EnumerateArray().Select(d => d.GetInt64()).ToArray();
                var offsets = entry.Value.GetProperty("data_offsets").EnumerateArray().Select(d => d.GetInt64()).ToArray();
                var count = shape.Aggregate(1L, (a, b) => a * b);
                if (offsets.Length != 2 || offsets[1] - offsets[0] != count * ScalarTypes.SizeOf(dtype) || dataStart + offsets[1] > bytes.Length || offsets[0] < 0)
                    throw Corrupt(path, $"tensor '{entry.Name}' has offsets [{string.Join(", ", offsets)}] that do not match its shape [{string.Join(", ", shape)}] and the file's size");
                tensors[entry.Name] = FromBytes(bytes.AsSpan((int)(dataStart + offsets[0]), (int)(offsets[1] - offsets[0])), shape, dtype);
            }
        }
        catch (Exception error) when (error is KeyNotFoundException or InvalidOperationException or FormatException)
        {
            foreach (var t in tensors.Values) t.Dispose();
            throw Corrupt(path, $"its header is malformed ({error.Message})");
        }
        return (tensors, metadata);
    }

    private static InvalidDataException Corrupt(string path, string why) =>
        new($"{path} is not a valid safetensors file: {why}.");

    private static byte[] Bytes(Tensor tensor) => tensor.dtype switch
    {
        ScalarType.Float32 => System.Runtime.InteropServices.MemoryMarshal.AsBytes(tensor.ToArray<float>().AsSpan()).ToArray(),
        ScalarType.Float64 => System.Runtime.InteropServices.MemoryMarshal.AsBytes(tensor.ToArray<double>().AsSpan()).ToArray(),
        ScalarType.Int64 => System.Runtime.InteropServices.MemoryMarshal.AsBytes(tensor.ToArray<long>().AsSpan()).ToArray(),
        ScalarType.Int32 => System.Runtime.InteropServices.MemoryMarshal.AsBytes(tensor.ToArray<int>().AsSpan()).ToArray(),
        ScalarType.Byte => tensor.ToArray<byte>(),
        ScalarType.Bool => tensor.ToArray<bool>().Select(b => b ? (byte)1 : (byte)0).ToArray(),
        _ => throw new NotSupportedException($"safetensors: unsupported dtype {tensor.dtype}"),
    };

    private static Tensor FromBytes(ReadOnlySpan<byte> data, long[] shape, ScalarType dtype) => dtype switch
    {
        ScalarType.Float32 => torch.tensor(System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(data), shape),
        ScalarType.Float64 => torch.tensor(System.Runtime.InteropServices.MemoryMarshal.Cast<byte, double>(data), shape),
        ScalarType.Int64 => torch.tensor(System.Runtime.InteropServices.MemoryMarshal.Cast<byte, long>(data), shape),
        ScalarType.Int32 => torch.tensor(System.Runtime.InteropServices.MemoryMarshal.Cast<byte, int>(data), shape),
        ScalarType.Byte => torch.tensor(data, shape),
        _ => torch.tensor(System.Runtime.InteropServices.MemoryMarshal.Cast<byte, bool>(data), shape),
    };

    private static string DtypeName(ScalarType type) => type switch
    {
        ScalarType.Float32 => "F32",
        ScalarType.Float64 => "F64",
        ScalarType.Int64 => "I64",
        ScalarType.Int32 => "I32",
        ScalarType.Byte => "U8",
        ScalarType.Bool => "BOOL",
        _ => throw new NotSupportedException($"safetensors: unsupported dtype {type}"),
    };

    private static ScalarType ParseDtype(string? name, string path, string tensor) => name switch
    {
        "F32" => ScalarType.Float32,
        "F64" => ScalarType.Float64,
        "I64" => ScalarType.Int64,
        "I32" => ScalarType.Int32,
        "U8" => ScalarType.Byte,
        "BOOL" => ScalarType.Bool,
        _ => throw Corrupt(path, $"tensor '{tensor}' has dtype '{name}'; supported are F32, F64, I64, I32, U8, BOOL"),
    };
}
