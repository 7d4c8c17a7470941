using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace DeepDsl.Torch.Serialization;

/// <summary>
/// Named tensors in the safetensors format (https://github.com/huggingface/safetensors): an 8-byte
/// little-endian header length, a JSON header mapping each name to dtype, shape and byte offsets
/// (plus string metadata under "__metadata__"), padded with spaces to a multiple of 8 bytes, then the
/// raw little-endian data. No pickle, nothing executable.
/// </summary>
/// <remarks>
/// <see cref="Save"/> writes the bytes the reference writer writes: tensors ordered widest dtype first, then by
/// name; compact JSON with "__metadata__" first (its keys sorted). Files are replaced atomically.
/// <see cref="Load"/> throws <see cref="InvalidDataException"/>, naming the file, for anything that is not a
/// valid safetensors file (truncated, bad header, offsets that do not tile the data, unknown dtype), and the
/// <see cref="IOException"/>s of reading the file (e.g. <see cref="FileNotFoundException"/>); nothing else.
/// </remarks>
public static class SafeTensors
{
    private const string MetadataKey = "__metadata__";
    private const long MaxHeaderBytes = 100_000_000;

    /// <summary>
    /// The metadata key under which <see cref="Save"/> records, when asked, the SHA-256 of the data section, and which
    /// <see cref="Load"/> verifies whenever present: a flipped bit in any tensor is then an error, not a silently wrong model.
    /// </summary>
    public const string DataChecksumKey = "deepdsl.data_sha256";

    /// <summary>Writes the tensors (from any device) and optional string metadata to <paramref name="path"/>, atomically.</summary>
    /// <exception cref="ArgumentException">A tensor is named "" or "__metadata__".</exception>
    /// <exception cref="NotSupportedException">A tensor's dtype is not F32, F64, I64, I32, U8 or BOOL; the file is then left as it was.</exception>
    /// <param name="inside">The run folder that holds <paramref name="path"/>, when DeepDsl owns it (no link on the way is followed).</param>
    public static void Save(string path, IReadOnlyDictionary<string, Tensor> tensors, IReadOnlyDictionary<string, string>? metadata = null, bool recordChecksum = false, IO.OwnedFolder? inside = null)
    {
        foreach (var name in tensors.Keys)
            if (name.Length == 0 || name == MetadataKey)
                throw new ArgumentException($"'{name}' cannot name a tensor in a safetensors file.", nameof(tensors));
        // The reference writer orders by alignment, widest first, so every tensor's data starts aligned.
        var names = tensors.Keys.OrderByDescending(n => Rank(tensors[n].dtype)).ThenBy(n => n, StringComparer.Ordinal).ToList();
        var blobs = names.Select(n => Bytes(tensors[n])).ToList();
        if (recordChecksum)
        {
            using var sha = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
            foreach (var blob in blobs) sha.AppendData(blob);
            metadata = new Dictionary<string, string>(metadata ?? new Dictionary<string, string>(), StringComparer.Ordinal)
            {
                [DataChecksumKey] = Convert.ToHexStringLower(sha.GetHashAndReset()),
            };
        }

        var json = new StringBuilder("{");
        if (metadata is { Count: > 0 })
        {
            json.Append(Quote(MetadataKey)).Append(":{");
            json.AppendJoin(',', metadata.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => Quote(m.Key) + ":" + Quote(m.Value)));
            json.Append("},");
        }
        long offset = 0;
        for (var i = 0; i < names.Count; i++)
        {
            var tensor = tensors[names[i]];
            json.Append(Quote(names[i])).Append(":{\"dtype\":\"").Append(DtypeName(tensor.dtype))
                .Append("\",\"shape\":[").AppendJoin(',', tensor.shape)
                .Append("],\"data_offsets\":[").Append(offset).Append(',').Append(offset + blobs[i].Length).Append("]},");
            offset += blobs[i].Length;
        }
        json.Length--; // the last comma, or the "{" itself when there is nothing to write
        json.Append(json.Length == 0 ? "{}" : "}");
        var header = Encoding.UTF8.GetBytes(json.ToString());
        var padded = (header.Length + 7) / 8 * 8;

        IO.AtomicFile.Write(path, temporary =>
        {
            using var file = File.Create(temporary);
            Span<byte> length = stackalloc byte[8];
            BinaryPrimitives.WriteUInt64LittleEndian(length, (ulong)padded);
            file.Write(length);
            file.Write(header);
            for (var i = header.Length; i < padded; i++) file.WriteByte((byte)' ');
            foreach (var blob in blobs) file.Write(blob);
        }, inside);
    }

    /// <summary>Reads every tensor (onto the CPU, into the current dispose scope if any) and the string metadata.</summary>
    /// <exception cref="InvalidDataException">The file is not a valid safetensors file; the message names it and says why.</exception>
    /// <exception cref="IOException">The file cannot be read (missing, or not readable by this process).</exception>
    public static (Dictionary<string, Tensor> Tensors, Dictionary<string, string> Metadata) Load(string path)
    {
        // Regular files only, by their kind, with the size known before a byte is read (PathGuard): a device or a FIFO named as a checkpoint is refused, not read forever.
        // An empty regular file is a damaged checkpoint (a crash mid-copy), not an unreadable one.
        if (IO.PathGuard.Examine(path) is (IO.FileKind.RegularFile, 0)) throw Corrupt(path, "it has 0 bytes, fewer than the 8 of the header length");
        var bytes = IO.PathGuard.ReadFile(path, Array.MaxLength);
        if (bytes.Length < 8) throw Corrupt(path, $"it has {bytes.Length} bytes, fewer than the 8 of the header length");
        var headerLength = BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        if (headerLength > MaxHeaderBytes || 8 + (long)headerLength > bytes.Length)
            throw Corrupt(path, $"its header length {headerLength} does not fit a file of {bytes.Length} bytes (truncated?)");
        var dataStart = 8 + (int)headerLength;
        var dataLength = bytes.Length - dataStart;

        if (!System.Text.Unicode.Utf8.IsValid(bytes.AsSpan(8, (int)headerLength))) throw Corrupt(path, "its header is not valid JSON (not UTF-8)");
        JsonElement header;
        try
        {
            header = JsonDocument.Parse(bytes.AsMemory(8, (int)headerLength)).RootElement;
        }
        catch (JsonException error)
        {
            throw Corrupt(path, $"its header is not valid JSON ({error.Message})");
        }
        if (header.ValueKind != JsonValueKind.Object) throw Corrupt(path, $"its header is a JSON {header.ValueKind}, not an object");

        var entries = new List<(string Name, ScalarType Dtype, long[] Shape, long Begin, long End)>();
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in header.EnumerateObject())
        {
            if (entry.Name == MetadataKey) ReadMetadata(entry.Value, metadata, path);
            else if (entries.Any(e => e.Name == entry.Name)) throw Corrupt(path, $"tensor '{entry.Name}' is described twice");
            else entries.Add(ReadEntry(entry, path, dataLength));
        }
        // The offsets must tile the data exactly: no holes, no overlaps, nothing after the last tensor.
        long end = 0;
        foreach (var e in entries.OrderBy(e => e.Begin).ThenBy(e => e.End))
        {
            if (e.Begin != end) throw Corrupt(path, $"tensor '{e.Name}' starts at byte {e.Begin} of the data, where {end} was expected (a hole or an overlap)");
            end = e.End;
        }
        if (end != dataLength) throw Corrupt(path, $"its tensors cover {end} bytes of data but {dataLength} follow the header");
        if (metadata.TryGetValue(DataChecksumKey, out var recorded) &&
            !string.Equals(recorded, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes.AsSpan(dataStart))), StringComparison.Ordinal))
            throw Corrupt(path, "its tensor data does not match the checksum recorded when it was saved (the file is damaged or was altered)");

        var tensors = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        try
        {
            foreach (var e in entries)
                tensors[e.Name] = FromBytes(bytes.AsSpan(dataStart + (int)e.Begin, (int)(e.End - e.Begin)), e.Shape, e.Dtype, path, e.Name);
        }
        catch
        {
            foreach (var t in tensors.Values) t.Dispose();
            throw;
        }
        return (tensors, metadata);
    }

    private static void ReadMetadata(JsonElement value, Dictionary<string, string> metadata, string path)
    {
        if (value.ValueKind != JsonValueKind.Object) throw Corrupt(path, $"its {MetadataKey} is a JSON {value.ValueKind}, not an object of strings");
        foreach (var m in value.EnumerateObject())
        {
            if (m.Value.ValueKind != JsonValueKind.String) throw Corrupt(path, $"its {MetadataKey} entry '{m.Name}' is a JSON {m.Value.ValueKind}, not a string");
            metadata[m.Name] = m.Value.GetString()!;
        }
    }

    private static (string, ScalarType, long[], long, long) ReadEntry(JsonProperty entry, string path, long dataLength)
    {
        var name = entry.Name;
        var info = entry.Value;
        if (info.ValueKind != JsonValueKind.Object) throw Corrupt(path, $"tensor '{name}' is described by a JSON {info.ValueKind}, not an object");
        if (!info.TryGetProperty("dtype", out var dtypeJson) || dtypeJson.ValueKind != JsonValueKind.String)
            throw Corrupt(path, $"tensor '{name}' has no dtype string");
        var dtype = ParseDtype(dtypeJson.GetString()!, path, name);
        var shape = Integers(info, "shape", path, name);
        var offsets = Integers(info, "data_offsets", path, name);
        if (offsets.Length != 2) throw Corrupt(path, $"tensor '{name}' has {offsets.Length} data_offsets, not 2");
        long count = 1;
        try
        {
            foreach (var d in shape) count = checked(count * d);
            count = checked(count * ScalarTypes.SizeOf(dtype));
        }
        catch (OverflowException)
        {
            throw Corrupt(path, $"tensor '{name}' has shape [{string.Join(", ", shape)}], too large to address");
        }
        if (offsets[0] > offsets[1] || offsets[1] > dataLength || offsets[1] - offsets[0] != count)
            throw Corrupt(path, $"tensor '{name}' has data_offsets [{offsets[0]}, {offsets[1]}], which do not hold the {count} bytes of a {DtypeName(dtype)} [{string.Join(", ", shape)}] within the {dataLength} bytes of data");
        return (name, dtype, shape, offsets[0], offsets[1]);
    }

    private static long[] Integers(JsonElement info, string key, string path, string name)
    {
        if (!info.TryGetProperty(key, out var array) || array.ValueKind != JsonValueKind.Array)
            throw Corrupt(path, $"tensor '{name}' has no {key} array");
        var result = new long[array.GetArrayLength()];
        var i = 0;
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Number || !item.TryGetInt64(out var value) || value < 0)
                throw Corrupt(path, $"tensor '{name}' has {key} entry {item.GetRawText()}, not a non-negative integer");
            result[i++] = value;
        }
        return result;
    }

    private static InvalidDataException Corrupt(string path, string why) => new($"{path} is not a valid safetensors file: {why}.");

    private static string Quote(string text)
    {
        // JSON escaping as serde_json (the reference writer) and Python's json (ensure_ascii=False) do it:
        // only quote, backslash and control characters; everything else is written as UTF-8.
        var s = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"': s.Append("\\\""); break;
                case '\\': s.Append("\\\\"); break;
                case '\b': s.Append("\\b"); break;
                case '\f': s.Append("\\f"); break;
                case '\n': s.Append("\\n"); break;
                case '\r': s.Append("\\r"); break;
                case '\t': s.Append("\\t"); break;
                case < ' ': s.Append("\\u").Append(((int)c).ToString("x4")); break;
                default: s.Append(c); break;
            }
        }
        return s.Append('"').ToString();
    }

    private static byte[] Bytes(Tensor tensor) => tensor.dtype switch
    {
        ScalarType.Float32 => MemoryMarshal.AsBytes(tensor.ToArray<float>().AsSpan()).ToArray(),
        ScalarType.Float64 => MemoryMarshal.AsBytes(tensor.ToArray<double>().AsSpan()).ToArray(),
        ScalarType.Int64 => MemoryMarshal.AsBytes(tensor.ToArray<long>().AsSpan()).ToArray(),
        ScalarType.Int32 => MemoryMarshal.AsBytes(tensor.ToArray<int>().AsSpan()).ToArray(),
        ScalarType.Byte => tensor.ToArray<byte>(),
        ScalarType.Bool => tensor.ToArray<bool>().Select(b => b ? (byte)1 : (byte)0).ToArray(),
        _ => throw new NotSupportedException($"safetensors: unsupported dtype {tensor.dtype}"),
    };

    private static Tensor FromBytes(ReadOnlySpan<byte> data, long[] shape, ScalarType dtype, string path, string name)
    {
        if (dtype == ScalarType.Bool && data.IndexOfAnyExcept((byte)0, (byte)1) is var bad and >= 0)
            throw Corrupt(path, $"BOOL tensor '{name}' holds the byte {data[bad]} at element {bad}, not 0 or 1");
        return dtype switch
        {
            ScalarType.Float32 => torch.tensor(MemoryMarshal.Cast<byte, float>(data), shape),
            ScalarType.Float64 => torch.tensor(MemoryMarshal.Cast<byte, double>(data), shape),
            ScalarType.Int64 => torch.tensor(MemoryMarshal.Cast<byte, long>(data), shape),
            ScalarType.Int32 => torch.tensor(MemoryMarshal.Cast<byte, int>(data), shape),
            ScalarType.Byte => torch.tensor(data, shape),
            _ => torch.tensor(MemoryMarshal.Cast<byte, bool>(data), shape),
        };
    }

    // The reference implementation's Dtype order (BOOL < U8 < ... < I32 < U32 < F32 < F64 < I64 < U64), for the write order.
    private static int Rank(ScalarType type) => type switch
    {
        ScalarType.Bool => 0,
        ScalarType.Byte => 1,
        ScalarType.Int32 => 9,
        ScalarType.Float32 => 11,
        ScalarType.Float64 => 12,
        ScalarType.Int64 => 13,
        _ => throw new NotSupportedException($"safetensors: unsupported dtype {type}"),
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

    private static ScalarType ParseDtype(string name, string path, string tensor) => name switch
    {
        "F32" => ScalarType.Float32,
        "F64" => ScalarType.Float64,
        "I64" => ScalarType.Int64,
        "I32" => ScalarType.Int32,
        "U8" => ScalarType.Byte,
        "BOOL" => ScalarType.Bool,
        _ => throw Corrupt(path, $"tensor '{tensor}' has dtype '{name}'; this reader supports F32, F64, I64, I32, U8 and BOOL"),
    };
}
