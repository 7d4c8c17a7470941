using DeepDsl.Torch;

namespace DeepDsl.Data;

/// <summary>
/// Loads CIFAR-10 — images [N, 3, 32, 32] (channels first, as convolutions take them and as the files store them;
/// Keras's load_data gives [N, 32, 32, 3]), labels [N] — reading only the batch files the requested slice needs.
/// </summary>
public static class Cifar10Dataset
{
    public static readonly long[] InputShape = [3, 32, 32];
    public const int Classes = 10;

    /// <summary>Locates the files (downloading them when allowed) or throws a DataException that says where to get them.</summary>
    public static string Locate(string? specPath, TextWriter log)
    {
        // A path the spec names is where the data must be: falling back to another place would train on data nobody asked for.
        if (!string.IsNullOrEmpty(specPath))
        {
            if (!Directory.Exists(specPath) && !File.Exists(specPath))
                throw new DataException($"data.path {specPath} does not exist. Point data.path at the folder holding CIFAR-10 (or {Cifar10Files.ArchiveName}), or remove it to use DEEPDSL_DATA or {Cifar10Files.UserCache}.");
            return Cifar10Files.Locate([specPath]) ?? throw new DataException($"data.path {specPath} does not hold CIFAR-10. " + Cifar10Files.MissingMessage([specPath]));
        }
        var roots = Cifar10Files.SearchRoots(specPath);
        var found = Cifar10Files.Locate(roots);
        if (found is not null) return found;
        if (!Cifar10Download.Disabled)
        {
            try
            {
                return Cifar10Download.Fetch(Cifar10Files.UserCache, log);
            }
            catch (DataException error)
            {
                throw new DataException(error.Message + " " + Cifar10Files.MissingMessage(roots));
            }
        }
        throw new DataException(Cifar10Files.MissingMessage(roots));
    }

    /// <summary>The first <paramref name="count"/> training images (null: all 50,000) as uint8 [N, 3, 32, 32] and int64 labels, on the CPU.</summary>
    public static (Tensor Images, Tensor Labels) ReadTraining(string location, int? count)
    {
        var total = count ?? Cifar10Files.TrainFiles.Length * Cifar10Files.RecordsPerFile;
        var files = (total + Cifar10Files.RecordsPerFile - 1) / Cifar10Files.RecordsPerFile;
        return Decode(Cifar10Files.Read(location, Cifar10Files.TrainFiles.Take(files).ToArray()), total);
    }

    public static (Tensor Images, Tensor Labels) ReadTest(string location, int? count) =>
        Decode(Cifar10Files.Read(location, [Cifar10Files.TestFile]), count ?? Cifar10Files.RecordsPerFile);

    private static (Tensor, Tensor) Decode(IReadOnlyList<(string Name, byte[] Bytes)> files, int count)
    {
        var pixels = new byte[(long)count * 3072];
        var labels = new long[count];
        var record = 0;
        foreach (var (_, bytes) in files)
            for (var i = 0; i < Cifar10Files.RecordsPerFile && record < count; i++, record++)
            {
                labels[record] = bytes[i * Cifar10Files.RecordBytes];
                Buffer.BlockCopy(bytes, i * Cifar10Files.RecordBytes + 1, pixels, record * 3072, 3072);
            }
        // Records are channel-major (3 planes of 32×32) already: NCHW as they are.
        return (torch.tensor(pixels, [count, 3, 32, 32]), torch.tensor(labels));
    }
}
