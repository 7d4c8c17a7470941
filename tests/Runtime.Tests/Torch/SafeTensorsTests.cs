using System.Buffers.Binary;
using System.Text;
using DeepDsl.Torch;
using DeepDsl.Torch.Serialization;

namespace DeepDsl.Runtime.Tests.Torch;

/// <summary>safetensors files: round trips, byte-exact agreement with the format's reference rules, clear errors for bad files.</summary>
public sealed class SafeTensorsTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("deepdsl-safetensors-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private string PathOf(string name) => Path.Combine(directory, name);

    public static TheoryData<ScalarType> Dtypes() => new(ScalarType.Float32, ScalarType.Float64, ScalarType.Int64, ScalarType.Bool, ScalarType.Byte);

    [Theory]
    [MemberData(nameof(Dtypes))]
    public void A_tensor_of_each_dtype_round_trips_with_shape_dtype_and_values(ScalarType dtype)
    {
        using var scope = torch.NewDisposeScope();
        var original = torch.tensor(new double[] { 0, 1, 2.5, 255, 0, 1 }, [2, 3]).to(dtype);
        var path = PathOf("one.safetensors");
        SafeTensors.Save(path, new Dictionary<string, Tensor> { ["t"] = original });

        var (loaded, _) = SafeTensors.Load(path);

        var t = Assert.Single(loaded).Value;
        Assert.Equal(dtype, t.dtype);
        Assert.Equal([2L, 3], t.shape);
        Assert.Equal(original.to(ScalarType.Float64).ToArray<double>(), t.to(ScalarType.Float64).ToArray<double>());
    }

    [Fact]
    public void Scalars_empty_tensors_and_metadata_round_trip()
    {
        using var scope = torch.NewDisposeScope();
        var path = PathOf("mixed.safetensors");
        var metadata = new Dictionary<string, string> { ["epoch"] = "3", ["note"] = "ünïcode \"quoted\"\n\ttab" };
        SafeTensors.Save(path, new Dictionary<string, Tensor> { ["scalar"] = torch.full([], 0.25, ScalarType.Float64), ["empty"] = torch.zeros([0, 4]) }, metadata);

        var (loaded, readMetadata) = SafeTensors.Load(path);

        Assert.Equal(0.25, loaded["scalar"].item<double>());
        Assert.Empty(loaded["scalar"].shape);
        Assert.Equal([0L, 4], loaded["empty"].shape);
        Assert.Equal(metadata, readMetadata);
    }

    [Fact]
    public void The_file_is_byte_identical_to_one_written_by_the_formats_reference_rules()
    {
        using var scope = torch.NewDisposeScope();
        // The tensors of tests/fixtures/generate_op_fixtures.py's safetensors section.
        var tensors = new Dictionary<string, Tensor>
        {
            ["weight"] = torch.arange(0, 6, 1, ScalarType.Float32).reshape(2, 3).div(4.0).sub(0.5),
            ["bias"] = torch.tensor(new[] { 1.5f, -2.25f }),
            ["step"] = torch.tensor(new[] { 7L, -1L }),
            ["scale"] = torch.full([], 0.1, ScalarType.Float64),
            ["mask"] = torch.tensor(new[] { true, false, true }),
            ["pixels"] = torch.tensor(new byte[] { 0, 127, 128, 255 }, [2, 2]),
        };
        var path = PathOf("reference.safetensors");
        SafeTensors.Save(path, tensors, new Dictionary<string, string> { ["note"] = "grüße \"quoted\"\n", ["format"] = "pt" });

        var expected = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "safetensors_reference.safetensors"));
        Assert.Equal(Encoding.UTF8.GetString(expected), Encoding.UTF8.GetString(File.ReadAllBytes(path)));
        Assert.Equal(expected, File.ReadAllBytes(path));
    }

    [Fact]
    public void The_header_is_padded_with_spaces_so_the_data_starts_at_a_multiple_of_eight()
    {
        using var scope = torch.NewDisposeScope();
        var path = PathOf("aligned.safetensors");
        SafeTensors.Save(path, new Dictionary<string, Tensor> { ["x"] = torch.ones([3]) });
        var bytes = File.ReadAllBytes(path);
        var headerLength = (int)BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        Assert.Equal(0, headerLength % 8);
        Assert.Equal(8 + headerLength + 12, bytes.Length);
        var header = Encoding.UTF8.GetString(bytes, 8, headerLength);
        Assert.Equal("{\"x\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[0,12]}}", header.TrimEnd(' '));
    }

    [Fact]
    public void Saving_replaces_the_file_atomically_and_leaves_no_temporary_file()
    {
        using var scope = torch.NewDisposeScope();
        var path = PathOf("model.safetensors");
        SafeTensors.Save(path, new Dictionary<string, Tensor> { ["x"] = torch.ones([2]) });
        SafeTensors.Save(path, new Dictionary<string, Tensor> { ["y"] = torch.zeros([5]) });
        Assert.Equal(["model.safetensors"], Directory.GetFiles(directory).Select(Path.GetFileName));
        Assert.Equal(["y"], SafeTensors.Load(path).Tensors.Keys);
    }

    [Fact]
    public void A_failed_save_leaves_the_previous_file_intact()
    {
        using var scope = torch.NewDisposeScope();
        var path = PathOf("model.safetensors");
        SafeTensors.Save(path, new Dictionary<string, Tensor> { ["x"] = torch.ones([2]) });
        var before = File.ReadAllBytes(path);
        Assert.Throws<NotSupportedException>(() => SafeTensors.Save(path, new Dictionary<string, Tensor> { ["x"] = torch.zeros([2]), ["half"] = torch.ones([1]).to((ScalarType)5) }));
        Assert.Equal(before, File.ReadAllBytes(path)); // (ScalarType)5 is libtorch's float16, which this writer does not support
    }

    public static TheoryData<string, string, string> CorruptFiles() => new()
    {
        { "empty file", "", "fewer than the 8" },
        { "truncated header", "\u0040\0\0\0\0\0\0\0{\"x\":", "does not fit" },
        { "header not JSON", "\u0008\0\0\0\0\0\0\0not json", "not valid JSON" },
        { "header not UTF-8", "\u0008\0\0\0\0\0\0\0{\"\u00ff\":1} ", "not valid JSON" },
        { "header is an array", "\u0008\0\0\0\0\0\0\0[1,2]   ", "not an object" },
        { "unknown dtype", Header("{\"x\":{\"dtype\":\"F17\",\"shape\":[1],\"data_offsets\":[0,4]}}") + "\0\0\0\0", "dtype 'F17'" },
        { "missing shape", Header("{\"x\":{\"dtype\":\"F32\",\"data_offsets\":[0,4]}}") + "\0\0\0\0", "no shape" },
        { "negative dimension", Header("{\"x\":{\"dtype\":\"F32\",\"shape\":[-1],\"data_offsets\":[0,4]}}") + "\0\0\0\0", "non-negative integer" },
        { "offsets disagree with shape", Header("{\"x\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,4]}}") + "\0\0\0\0", "data_offsets [0, 4]" },
        { "truncated data", Header("{\"x\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}") + "\0\0\0\0", "within the 4 bytes" },
        { "trailing bytes", Header("{\"x\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}") + "\0\0\0\0\0\0\0\0", "cover 4 bytes" },
        { "overlapping tensors", Header("{\"x\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]},\"y\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}") + "\0\0\0\0", "hole or an overlap" },
        { "bool byte not 0 or 1", Header("{\"x\":{\"dtype\":\"BOOL\",\"shape\":[1],\"data_offsets\":[0,1]}}") + "\u0007", "not 0 or 1" },
        { "metadata not strings", Header("{\"__metadata__\":{\"a\":1}}"), "not a string" },
        { "huge header length", "\u00ff\u00ff\u00ff\u00ff\u00ff\u00ff\u00ff\u007f{}", "does not fit" },
    };

    [Theory]
    [MemberData(nameof(CorruptFiles))]
    public void A_corrupt_file_raises_InvalidDataException_naming_the_file_and_the_problem(string what, string content, string reason)
    {
        var path = PathOf(what.Replace(' ', '_') + ".safetensors");
        File.WriteAllBytes(path, content.Select(c => (byte)c).ToArray());
        var error = Assert.Throws<InvalidDataException>(() => SafeTensors.Load(path));
        Assert.Contains(path, error.Message);
        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public void A_truncated_copy_of_a_valid_file_raises_InvalidDataException_at_every_length()
    {
        using var scope = torch.NewDisposeScope();
        var path = PathOf("full.safetensors");
        SafeTensors.Save(path, new Dictionary<string, Tensor> { ["a"] = torch.ones([3, 3]), ["b"] = torch.arange(5) });
        var bytes = File.ReadAllBytes(path);
        var cut = PathOf("cut.safetensors");
        for (var length = 0; length < bytes.Length; length++)
        {
            File.WriteAllBytes(cut, bytes[..length]);
            Assert.Throws<InvalidDataException>(() => SafeTensors.Load(cut));
        }
    }

    [Fact]
    public void A_missing_file_raises_FileNotFoundException()
    {
        Assert.Throws<FileNotFoundException>(() => SafeTensors.Load(PathOf("absent.safetensors")));
    }

    private static string Header(string json)
    {
        var padded = json.PadRight((json.Length + 7) / 8 * 8);
        var length = new byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(length, (ulong)padded.Length);
        return new string(length.Select(b => (char)b).ToArray()) + padded;
    }
}
