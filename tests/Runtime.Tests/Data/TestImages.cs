using SkiaSharp;

namespace DeepDsl.Runtime.Tests.Data;

/// <summary>Image files written for a test with SkiaSharp: pixels given as RGB bytes, row by row.</summary>
internal static class TestImages
{
    public static string Write(string path, int width, int height, byte[] rgb, SKEncodedImageFormat format = SKEncodedImageFormat.Png)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        for (var y = 0; y < height; y++)
            for (var x = 0; x < width; x++)
            {
                var at = 3 * (y * width + x);
                bitmap.SetPixel(x, y, new SKColor(rgb[at], rgb[at + 1], rgb[at + 2]));
            }
        using var data = bitmap.Encode(format, 100);
        File.WriteAllBytes(path, data.ToArray());
        return path;
    }

    /// <summary>An image of one colour.</summary>
    public static string Solid(string path, int width, int height, byte r, byte g, byte b, SKEncodedImageFormat format = SKEncodedImageFormat.Png) =>
        Write(path, width, height, [.. Enumerable.Range(0, width * height).SelectMany(_ => new[] { r, g, b })], format);

    public static string TempFolder() => Directory.CreateTempSubdirectory("deepdsl-images-").FullName;
}
