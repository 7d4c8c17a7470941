using System.Text;

namespace DeepDsl.Runtime.Tests.Data;

/// <summary>Writes .npy files as NumPy's `numpy.save` does (format 1.0, header padded to 64 bytes), for the readers' tests.</summary>
internal static class TestNpy
{
    /// <summary>An array of <paramref name="descr"/> ("&lt;f4", "|u1") and <paramref name="shape"/> ("(2, 3)") holding <paramref name="data"/>.</summary>
    public static string Write(string path, string descr, string shape, byte[] data)
    {
        var header = $"{{'descr': '{descr}', 'fortran_order': False, 'shape': {shape}, }}";
        var padded = header.PadRight((header.Length + 10 + 1 + 63) / 64 * 64 - 10 - 1) + "\n";
        using var file = File.Create(path);
        file.Write([0x93, .. "NUMPY"u8, 1, 0]);
        file.Write(BitConverter.GetBytes((ushort)padded.Length));
        file.Write(Encoding.ASCII.GetBytes(padded));
        file.Write(data);
        return path;
    }

    public static string Floats(string path, string shape, params float[] values) => Write(path, "<f4", shape, [.. values.SelectMany(BitConverter.GetBytes)]);

    public static string Longs(string path, params long[] values) => Write(path, "<i8", $"({values.Length},)", [.. values.SelectMany(BitConverter.GetBytes)]);
}
