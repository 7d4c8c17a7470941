using System.Text;
using System.Text.RegularExpressions;
using DeepDsl.Torch;

namespace DeepDsl.Data;

/// <summary>Reads NumPy .npy arrays (format 1.0–3.0, C order) of float32, float64, uint8, int32 or int64 into a CPU tensor.</summary>
public static partial class NpyFile
{
    public static Tensor Read(string path)
    {
        var bytes = DataFile.Read(path, Array.MaxLength, "a NumPy .npy file");
        if (bytes.Length < 12 || bytes[0] != 0x93 || Encoding.ASCII.GetString(bytes, 1, 5) != "NUMPY")
            throw new DataException($"{path} is not a NumPy .npy file (it does not start with \\x93NUMPY).");
        var major = bytes[6];
        if (major is not (1 or 2 or 3)) throw new DataException($"{path} is a .npy file of format version {major}; versions 1 to 3 are read.");
        var headerLength = major == 1 ? BitConverter.ToUInt16(bytes, 8) : (long)BitConverter.ToUInt32(bytes, 8);
        var headerStart = major == 1 ? 10 : 12;
        if (headerStart + headerLength > bytes.Length) throw new DataException($"{path} is truncated: its header runs past the end of the file.");
        var header = Encoding.ASCII.GetString(bytes, headerStart, (int)headerLength);

        var descr = Field(DescrPattern(), header, path, "descr");
        var fortran = Field(FortranPattern(), header, path, "fortran_order");
        var shapeText = Field(ShapePattern(), header, path, "shape");
        if (fortran == "True") throw new DataException($"{path} is stored in Fortran order; save it with numpy.ascontiguousarray first.");
        var shape = Shape(shapeText, path);
        var (type, size) = descr switch
        {
            "<f4" => (ScalarType.Float32, 4),
            "<f8" => (ScalarType.Float64, 8),
            "|u1" or "<u1" => (ScalarType.Byte, 1),
            "<i4" => (ScalarType.Int32, 4),
            "<i8" => (ScalarType.Int64, 8),
            _ => throw new DataException($"{path} holds dtype '{descr}'; supported are float32, float64, uint8, int32 and int64 (little-endian)."),
        };
        long count;
        try
        {
            count = checked(shape.Aggregate(1L, (a, b) => a * b) * size) / size;
        }
        catch (OverflowException)
        {
            throw new DataException($"{path} has a malformed .npy header: shape ({shapeText}) is too large.");
        }
        var dataStart = (int)(headerStart + headerLength);
        if (bytes.Length - dataStart != count * size)
            throw new DataException($"{path} should hold {count * size:N0} bytes of data ({count:N0} elements of {size} bytes, shape ({shapeText})) but holds {bytes.Length - dataStart:N0}.");
        var data = new ReadOnlySpan<byte>(bytes, dataStart, (int)(count * size));
        return type switch
        {
            ScalarType.Float32 => torch.tensor(System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(data), shape),
            ScalarType.Float64 => torch.tensor(System.Runtime.InteropServices.MemoryMarshal.Cast<byte, double>(data), shape),
            ScalarType.Int32 => torch.tensor(System.Runtime.InteropServices.MemoryMarshal.Cast<byte, int>(data), shape),
            ScalarType.Int64 => torch.tensor(System.Runtime.InteropServices.MemoryMarshal.Cast<byte, long>(data), shape),
            _ => torch.tensor(data, shape),
        };
    }

    /// <summary>Refuses labels that are not one integer per example in 0…classes − 1.</summary>
    internal static void CheckLabels(string file, Tensor labels, Tensor features, int classes)
    {
        if (labels.dim() != 1 || labels.size(0) != features.size(0))
            throw new DataException($"{file} holds labels of shape [{string.Join(", ", labels.shape)}]; expected one label per example: [{features.size(0)}].");
        if (labels.dtype is not (ScalarType.Int64 or ScalarType.Int32 or ScalarType.Byte))
            throw new DataException($"{file} holds {labels.dtype} labels; expected integers (uint8, int32 or int64).");
        using var wide = labels.to(ScalarType.Int64);
        if (wide.lt(0).any().item<long>() != 0 || wide.ge(classes).any().item<long>() != 0)
            throw new DataException($"{file} holds labels outside 0..{classes - 1} (the spec says {classes} classes).");
    }

    private static long[] Shape(string text, string path)
    {
        var parts = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var shape = new long[parts.Length];
        for (var i = 0; i < parts.Length; i++)
            if (!long.TryParse(parts[i], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out shape[i]))
                throw new DataException($"{path} has a malformed .npy header: shape ({text}) is not a list of sizes.");
        return shape;
    }

    private static string Field(Regex pattern, string header, string path, string name)
    {
        var match = pattern.Match(header);
        if (!match.Success) throw new DataException($"{path} has a malformed .npy header: no '{name}' in {(header.Trim().Length > 80 ? header.Trim()[..80] + "…" : header.Trim())}");
        return match.Groups[1].Value;
    }

    [GeneratedRegex(@"'descr'\s*:\s*'([^']*)'")] private static partial Regex DescrPattern();
    [GeneratedRegex(@"'fortran_order'\s*:\s*(True|False)")] private static partial Regex FortranPattern();
    [GeneratedRegex(@"'shape'\s*:\s*\(([^)]*)\)")] private static partial Regex ShapePattern();
}
