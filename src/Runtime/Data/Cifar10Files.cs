using System.Formats.Tar;
using System.IO.Compression;

namespace DeepDsl.Data;

/// <summary>
/// Finds and reads CIFAR-10 in its official binary format: data_batch_1..5.bin and test_batch.bin,
/// each 10,000 records of one label byte and 3,072 pixel bytes (1,024 red, green, blue, row-major),
/// either extracted in a folder or inside cifar-10-binary.tar.gz.
/// </summary>
public static class Cifar10Files
{
    public const string DownloadUrl = "https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz";
    public const string ArchiveName = "cifar-10-binary.tar.gz";
    public const int RecordBytes = 1 + 3072;
    public const int RecordsPerFile = 10_000;

    public static readonly string[] TrainFiles = ["data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin", "data_batch_5.bin"];
    public const string TestFile = "test_batch.bin";

    /// <summary>Where CIFAR-10 is looked for, in order: the spec's path, $DEEPDSL_DATA, the user's data cache.</summary>
    public static IReadOnlyList<string> SearchRoots(string? specPath)
    {
        var roots = new List<string>();
        if (!string.IsNullOrEmpty(specPath)) roots.Add(specPath!);
        var env = Environment.GetEnvironmentVariable("DEEPDSL_DATA");
        if (!string.IsNullOrEmpty(env)) roots.Add(env);
        roots.Add(UserCache);
        return roots;
    }

    /// <summary>The user's data cache, like Keras's ~/.keras/datasets ($DEEPDSL_CACHE moves it).</summary>
    public static string UserCache =>
        Environment.GetEnvironmentVariable("DEEPDSL_CACHE") is { Length: > 0 } cache
            ? cache
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".deepdsl", "datasets");

    /// <summary>Locates a folder holding the six files, or an archive holding them; null when none of the roots has them.</summary>
    public static string? Locate(IEnumerable<string> roots)
    {
        foreach (var root in roots)
        {
            foreach (var folder in new[] { root, Path.Combine(root, "cifar10"), Path.Combine(root, "cifar-10-batches-bin"), Path.Combine(root, "cifar10", "cifar-10-batches-bin") })
                if (File.Exists(Path.Combine(folder, TestFile)) && TrainFiles.All(f => File.Exists(Path.Combine(folder, f)))) return folder;
            foreach (var archive in new[] { Path.Combine(root, ArchiveName), Path.Combine(root, "cifar10", ArchiveName) })
                if (File.Exists(archive)) return archive;
        }
        return null;
    }

    /// <summary>The message given when the data is nowhere: where it was looked for, what is expected, where to get it.</summary>
    public static string MissingMessage(IEnumerable<string> roots) =>
        "CIFAR-10 was not found. Looked in: " + string.Join(", ", roots) + ". Expected the files " +
        string.Join(", ", TrainFiles) + " and " + TestFile + " (the official binary version), either in one of those folders " +
        $"(or a 'cifar10' or 'cifar-10-batches-bin' folder inside it) or as {ArchiveName}. Download {DownloadUrl} " +
        $"and extract it into {UserCache}, or set DEEPDSL_DATA (or data.path in the spec) to the folder that holds it.";

    /// <summary>Reads the named files' bytes from a folder or the archive, checking each file's size.</summary>
    public static IReadOnlyList<(string Name, byte[] Bytes)> Read(string location, IReadOnlyList<string> names)
    {
        var result = new List<(string, byte[])>();
        if (Directory.Exists(location))
        {
            foreach (var name in names)
            {
                var file = Path.Combine(location, name);
                result.Add((name, Checked(file, IO.PathGuard.ReadFile(file, FileBytes))));
            }
            return result;
        }
        var wanted = new HashSet<string>(names, StringComparer.Ordinal);
        var found = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        try
        {
            if (IO.PathGuard.WhyNotReadable(location, long.MaxValue) is { } why) throw new DataException($"{location} cannot be read as the CIFAR-10 archive: {why}.");
            using var gzip = new GZipStream(File.OpenRead(location), CompressionMode.Decompress);
            using var tar = new TarReader(gzip);
            while (tar.GetNextEntry() is { } entry)
            {
                var name = Path.GetFileName(entry.Name);
                if (!wanted.Contains(name) || entry.DataStream is null) continue;
                // The header says how large the entry is: check it before reading, so a crafted archive cannot make us hold gigabytes.
                if (entry.Length != FileBytes)
                    throw new DataException($"{location}!{entry.Name} has {entry.Length:N0} bytes, but a CIFAR-10 binary batch file holds {FileBytes:N0}. Expected the official {ArchiveName} from {DownloadUrl}.");
                using var memory = new MemoryStream(FileBytes);
                entry.DataStream.CopyTo(memory);
                found[name] = Checked($"{location}!{entry.Name}", memory.ToArray());
            }
        }
        catch (Exception error) when (error is InvalidDataException or FormatException or EndOfStreamException)
        {
            throw new DataException($"{location} is not a readable CIFAR-10 archive ({error.Message}). Expected the official {ArchiveName} from {DownloadUrl}.");
        }
        foreach (var name in names)
        {
            if (!found.TryGetValue(name, out var bytes))
                throw new DataException($"{location} does not contain {name}. Expected the official {ArchiveName} from {DownloadUrl}.");
            result.Add((name, bytes));
        }
        return result;
    }

    /// <summary>The size of each batch file: 10,000 records of a label byte and 3,072 pixel bytes.</summary>
    private const int FileBytes = RecordsPerFile * RecordBytes;

    /// <summary>Checks one file's size and label bytes.</summary>
    public static byte[] Checked(string file, byte[] bytes)
    {
        if (bytes.Length != RecordsPerFile * RecordBytes)
            throw new DataException(
                $"{file} has {bytes.Length:N0} bytes, but a CIFAR-10 binary batch file holds {RecordsPerFile:N0} records of " +
                $"{RecordBytes:N0} bytes (1 label byte + 3,072 pixel bytes) = {RecordsPerFile * RecordBytes:N0} bytes. " +
                $"The file is truncated or not from the binary version ({DownloadUrl}).");
        for (var record = 0; record < RecordsPerFile; record++)
        {
            var label = bytes[record * RecordBytes];
            if (label > 9)
                throw new DataException(
                    $"{file}: record {record} (byte offset {record * RecordBytes:N0}) has label byte {label}, but CIFAR-10 labels are 0-9. " +
                    $"The file is corrupt or not a CIFAR-10 binary batch ({DownloadUrl}).");
        }
        return bytes;
    }
}
