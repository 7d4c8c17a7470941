using System.Text;
using DeepDsl.Data;
using DeepDsl.Torch;

namespace DeepDsl.Runtime.Tests.Data;

public sealed class NpyFileTests
{
    [Fact]
    public void Reads_float32_and_int64_arrays_with_their_shape()
    {
        using var scope = torch.NewDisposeScope();
        var x = NpyFile.Read(Write("<f4", "(2, 3)", new float[] { 1, 2, 3, 4, 5, 6 }.SelectMany(BitConverter.GetBytes).ToArray()));
        Assert.Equal([2L, 3], x.shape);
        Assert.Equal([1f, 2, 3, 4, 5, 6], x.ToArray<float>());
        var y = NpyFile.Read(Write("<i8", "(3,)", new long[] { 7, 8, 9 }.SelectMany(BitConverter.GetBytes).ToArray()));
        Assert.Equal([7L, 8, 9], y.ToArray<long>());
    }

    [Fact]
    public void Reads_uint8_images()
    {
        using var scope = torch.NewDisposeScope();
        var x = NpyFile.Read(Write("|u1", "(1, 2, 2)", [0, 128, 255, 3]));
        Assert.Equal([(byte)0, 128, 255, 3], x.ToArray<byte>());
    }

    [Fact]
    public void Wrong_data_length_names_the_file_and_the_expected_size()
    {
        var path = Write("<f4", "(2, 3)", new byte[20]);
        var error = Assert.Throws<DataException>(() => NpyFile.Read(path));
        Assert.Contains(path, error.Message);
        Assert.Contains("24", error.Message);
    }

    [Fact]
    public void Unsupported_dtype_is_named()
    {
        var error = Assert.Throws<DataException>(() => NpyFile.Read(Write("<c16", "(1,)", new byte[16])));
        Assert.Contains("<c16", error.Message);
    }

    [Theory]
    [InlineData("{'descr': '<f4', 'fortran_order': False, 'shape': (x, 3), }", "not a list of sizes")]
    [InlineData("{'descr': '<f4', 'fortran_order': False, 'shape': (99999999999999999999, 3), }", "not a list of sizes")]
    [InlineData("{'descr': '<f4', 'fortran_order': False, 'shape': (4294967296, 4294967296, 4294967296), }", "too large")]
    [InlineData("{'descr': '<f4', 'shape': (2,), }", "no 'fortran_order'")]
    public void A_malformed_header_is_a_data_error_naming_the_file(string header, string expected)
    {
        var path = WriteHeader(header, version: 1);
        var error = Assert.Throws<DataException>(() => NpyFile.Read(path));
        Assert.Contains(path, error.Message);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void A_header_length_past_the_file_or_an_unknown_version_is_a_data_error()
    {
        Assert.Contains("truncated", Assert.Throws<DataException>(() => NpyFile.Read(WriteHeader("{}", version: 2, claimedLength: uint.MaxValue))).Message);
        Assert.Contains("format version 9", Assert.Throws<DataException>(() => NpyFile.Read(WriteHeader("{}", version: 9))).Message);
    }

    private static string WriteHeader(string header, byte version, uint? claimedLength = null)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("deepdsl-npy-").FullName, "x.npy");
        using var file = File.Create(path);
        file.Write([0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', version, 0]);
        if (version == 1) file.Write(BitConverter.GetBytes((ushort)(claimedLength ?? (uint)header.Length)));
        else file.Write(BitConverter.GetBytes(claimedLength ?? (uint)header.Length));
        file.Write(Encoding.ASCII.GetBytes(header));
        return path;
    }

    [Fact]
    public void A_file_that_is_not_npy_says_so()
    {
        var path = Path.GetTempFileName();
        File.WriteAllText(path, "hello");
        Assert.Contains("not a NumPy", Assert.Throws<DataException>(() => NpyFile.Read(path)).Message);
    }

    private static string Write(string descr, string shape, byte[] data) => TestNpy.Write(Path.GetTempFileName(), descr, shape, data);
}
