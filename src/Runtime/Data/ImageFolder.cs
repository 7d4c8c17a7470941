using DeepDsl.IO;
using DeepDsl.Torch;
using SkiaSharp;

namespace DeepDsl.Data;

/// <summary>
/// Reads data.dataset: image_folder — one subfolder per class, its PNG and JPEG images decoded with SkiaSharp into
/// [N, channels, height, width] bytes (RGB, or grayscale as PIL's "L": (299 R + 587 G + 114 B) / 1000; alpha is
/// dropped) and int64 labels. Class ids follow the subfolders' names in ordinal order; examples take turns by class. Files whose extension is not
/// .png, .jpg or .jpeg are skipped and counted in the log (a README, Thumbs.db); names starting with '.' are hidden
/// and skipped. An image that cannot be decoded whole is an error naming it, never a partly black example.
/// </summary>
internal sealed class ImageFolder(int channels, long[]? imageSize, TextWriter log)
{
    /// <summary>Images per split: a folder of more is refused before any is decoded.</summary>
    public const int MaxImages = 1_000_000;

    /// <summary>One image file's size.</summary>
    public const long MaxFileBytes = 64L * 1024 * 1024;

    /// <summary>One image's decoded size (before resizing): 64 megapixels, 256 MB as RGBA.</summary>
    public const long MaxPixels = 64L * 1024 * 1024;

    private static readonly string[] Extensions = [".png", ".jpg", ".jpeg"];

    public sealed record Split(Tensor Images, Tensor Labels, IReadOnlyList<string> ClassNames);

    /// <summary>
    /// Reads the folder <paramref name="root"/> (<paramref name="key"/> names it in messages); with
    /// <paramref name="classNames"/> (the training split's), its class folders must be among them and take their ids, and
    /// with <paramref name="everyClass"/> (a validation set, which scores every class) each of them must be there.
    /// </summary>
    public Split Read(string root, string key, IReadOnlyList<string>? classNames, bool everyClass = false)
    {
        var (kind, _) = PathGuard.Examine(root);
        if (kind != FileKind.Folder)
            throw new DataException($"{key} {root} {(kind == FileKind.Missing ? "does not exist" : "is not a folder")}: expected a folder with one subfolder of images per class.");
        var classes = Directory.GetDirectories(root).Select(Path.GetFileName).OfType<string>()
            .Where(name => !name.StartsWith('.')).Order(StringComparer.Ordinal).ToList();
        if (classes.Count == 0)
            throw new DataException($"{root} has no class folders: put each class's images in a subfolder of its own ({key}).");
        if (classNames is null && classes.Count < 2)
            throw new DataException($"{root} has one class folder ({classes[0]}); a classifier needs at least two.");
        if (classNames is not null && classes.FirstOrDefault(c => !classNames.Contains(c)) is { } unknown)
            throw new DataException($"{Path.Combine(root, unknown)} is a class the training data (data.train) does not have; its classes are {string.Join(", ", classNames)}.");
        if (everyClass && classNames!.FirstOrDefault(c => !classes.Contains(c)) is { } missing)
            throw new DataException($"{root} has no class folder {missing} ({key}): it needs every class of the training data (data.train), {string.Join(", ", classNames!)}.");

        var perClass = new List<List<(string File, long Label)>>();
        var skipped = new List<string>();
        var count = 0;
        foreach (var name in classes)
        {
            var folder = Path.Combine(root, name);
            var label = classNames is null ? classes.IndexOf(name) : classNames.ToList().IndexOf(name);
            var images = new List<(string File, long Label)>();
            perClass.Add(images);
            foreach (var entry in Directory.EnumerateFileSystemEntries(folder).Order(StringComparer.Ordinal))
            {
                var file = Path.GetFileName(entry);
                if (file.StartsWith('.')) continue;
                if (!Extensions.Contains(Path.GetExtension(file).ToLowerInvariant()) || Directory.Exists(entry))
                {
                    skipped.Add(entry);
                    continue;
                }
                if (++count > MaxImages)
                    throw new DataException($"{root} holds more than {MaxImages:N0} images; at most {MaxImages:N0} are read per split.");
                images.Add((entry, label));
            }
            if (images.Count == 0)
                throw new DataException($"{folder} is an empty class folder: it holds no .png, .jpg or .jpeg image.");
        }
        if (skipped.Count > 0)
            log.WriteLine($"{key}: skipped {skipped.Count} entr{(skipped.Count == 1 ? "y" : "ies")} that {(skipped.Count == 1 ? "is" : "are")} not .png, .jpg or .jpeg images (e.g. {skipped[0]})");

        // Classes take turns (first image of each class, then the second…), so the first N examples — data.validation —
        // hold every class, not the first classes whole.
        var files = Enumerable.Range(0, perClass.Max(c => c.Count)).SelectMany(i => perClass.Where(c => i < c.Count).Select(c => c[i])).ToList();
        var (height, width) = imageSize is [var h, var w] ? ((int)h, (int)w) : (0, 0);
        string? first = null;
        byte[]? pixels = null;
        var labels = new long[files.Count];
        for (var i = 0; i < files.Count; i++)
        {
            var (file, label) = files[i];
            labels[i] = label;
            using var bitmap = Decode(file);
            if (height == 0)
                (height, width, first) = (bitmap.Height, bitmap.Width, file);
            if (pixels is null)
            {
                var total = (long)files.Count * channels * height * width;
                if (total > Array.MaxLength)
                    throw new DataException($"{root}: {files.Count:N0} images of {channels}×{height}×{width} are {total:N0} values; at most {Array.MaxLength:N0} are read per split (set data.image_size smaller).");
                pixels = new byte[total];
            }
            if (bitmap.Height != height || bitmap.Width != width)
            {
                if (imageSize is null)
                    throw new DataException($"{file} is {bitmap.Width}×{bitmap.Height} but {first} is {width}×{height}: every image must have one size, or set data.image_size: [height, width] to resize them.");
                using var resized = bitmap.Resize(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Unpremul),
                    new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear))
                    ?? throw new DataException($"{file} could not be resized to {width}×{height}.");
                Copy(resized, pixels, i);
            }
            else Copy(bitmap, pixels, i);
        }
        return new Split(torch.tensor(pixels!, [files.Count, channels, height, width]), torch.tensor(labels, [files.Count]), classNames ?? classes);
    }

    /// <summary>The whole image as unpremultiplied RGBA, or a DataException naming the file.</summary>
    private static SKBitmap Decode(string file)
    {
        var bytes = DataFile.Read(file, MaxFileBytes, "an image");
        try
        {
            using var data = SKData.CreateCopy(bytes);
            using var codec = SKCodec.Create(data)
                ?? throw new DataException($"{file} is not an image SkiaSharp can decode (damaged, truncated, or not PNG or JPEG).");
            if (codec.EncodedFormat is not (SKEncodedImageFormat.Png or SKEncodedImageFormat.Jpeg))
                throw new DataException($"{file} is a {codec.EncodedFormat} image; only PNG and JPEG are read.");
            var (width, height) = (codec.Info.Width, codec.Info.Height);
            if (width <= 0 || height <= 0 || (long)width * height > MaxPixels)
                throw new DataException($"{file} is {width}×{height} pixels; at most {MaxPixels:N0} pixels per image are decoded.");
            var info = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
            var bitmap = new SKBitmap(info);
            var result = codec.GetPixels(info, bitmap.GetPixels());
            if (result != SKCodecResult.Success)
            {
                bitmap.Dispose();
                throw new DataException($"{file} cannot be decoded whole ({Describe(result)}).");
            }
            return bitmap;
        }
        catch (Exception error) when (error is DllNotFoundException or TypeInitializationException)
        {
            throw new DataException($"SkiaSharp's native library could not be loaded to decode {file}: {error.GetBaseException().Message}");
        }
    }

    private static string Describe(SKCodecResult result) => result switch
    {
        SKCodecResult.IncompleteInput => "it is truncated",
        SKCodecResult.ErrorInInput => "its data is damaged",
        SKCodecResult.InvalidInput => "it is not a valid image",
        _ => $"SkiaSharp: {result}",
    };

    /// <summary>Example <paramref name="index"/>'s planes, channels first.</summary>
    private void Copy(SKBitmap bitmap, byte[] pixels, int index)
    {
        var (height, width) = (bitmap.Height, bitmap.Width);
        var source = bitmap.GetPixelSpan();
        var plane = height * width;
        var start = (long)index * channels * plane;
        for (var y = 0; y < height; y++)
        {
            var row = source.Slice(y * bitmap.RowBytes, width * 4);
            for (var x = 0; x < width; x++)
            {
                var (r, g, b) = (row[4 * x], row[4 * x + 1], row[4 * x + 2]);
                var at = start + y * width + x;
                if (channels == 1)
                {
                    pixels[at] = (byte)((r * 299 + g * 587 + b * 114) / 1000);
                    continue;
                }
                pixels[at] = r;
                pixels[at + plane] = g;
                pixels[at + 2 * plane] = b;
            }
        }
    }
}
