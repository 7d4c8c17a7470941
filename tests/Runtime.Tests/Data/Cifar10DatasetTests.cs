using DeepDsl.Data;
using DeepDsl.Experiments;
using DeepDsl.Torch;

namespace DeepDsl.Runtime.Tests.Data;

public sealed class Cifar10DatasetTests
{
    [Cifar10Fact]
    public void Reads_images_channels_first_with_the_official_first_labels()
    {
        using var scope = torch.NewDisposeScope();
        var (images, labels) = Cifar10Dataset.ReadTraining(SharedData.Cifar10Folder!, 10);
        Assert.Equal([10L, 3, 32, 32], images.shape);
        Assert.Equal([6L, 9, 9, 4, 1, 1, 2, 7, 8, 3], labels.ToArray<long>());
        var (_, testLabels) = Cifar10Dataset.ReadTest(SharedData.Cifar10Folder!, 10);
        Assert.Equal([3L, 8, 8, 0, 6, 6, 1, 6, 3, 1], testLabels.ToArray<long>());
    }

    [Cifar10Fact]
    public void Pixel_planes_stay_channel_planes()
    {
        using var scope = torch.NewDisposeScope();
        var bytes = File.ReadAllBytes(Path.Combine(SharedData.Cifar10Folder!, "data_batch_1.bin"));
        var (images, _) = Cifar10Dataset.ReadTraining(SharedData.Cifar10Folder!, 1);
        var pixels = images.ToArray<byte>();
        // Record 0: red plane starts at byte 1, green at 1 + 1024, blue at 1 + 2048; pixel (row 3, col 5).
        var offset = 3 * 32 + 5;
        Assert.Equal(bytes[1 + offset], pixels[0 * 1024 + offset]);
        Assert.Equal(bytes[1 + 1024 + offset], pixels[1 * 1024 + offset]);
        Assert.Equal(bytes[1 + 2048 + offset], pixels[2 * 1024 + offset]);
    }

    [Cifar10Fact]
    public void Validation_is_the_first_training_images_and_standardization_is_fitted_on_training_only()
    {
        var settings = new DataSettings(new Cifar10Source(SharedData.Cifar10Folder), Validation: 500, Standardize: true, TrainSamples: 2000, TestSamples: 300);
        using var data = DatasetLoader.Load(settings, Device.CPU);
        using var scope = torch.NewDisposeScope();
        Assert.Equal(2000, data.TrainCount);
        Assert.Equal(500, data.ValidationCount);
        Assert.Equal(300, data.TestY.size(0));
        Assert.Equal([6L, 9, 9, 4], data.ValidationY!.narrow(0, 0, 4).ToArray<long>());
        var featureMeans = data.TrainX.mean(0).abs().max().item<float>();
        var featureStds = data.TrainX.std(0, unbiased: false);
        Assert.True(featureMeans < 1e-4, $"training features have mean 0 (max |mean| {featureMeans})");
        Assert.True((featureStds - 1.0).abs().max().item<float>() < 1e-3);
        Assert.True(data.ValidationX!.mean(0).abs().max().item<float>() > 1e-3, "validation is transformed, not refitted");
    }

    [Cifar10Fact]
    public void Scaling_maps_pixels_to_the_unit_interval()
    {
        var settings = new DataSettings(new Cifar10Source(SharedData.Cifar10Folder), Validation: 10, Scale: true, TrainSamples: 100, TestSamples: 10);
        using var data = DatasetLoader.Load(settings, Device.CPU);
        using var scope = torch.NewDisposeScope();
        Assert.InRange(data.TrainX.min().item<float>(), 0f, 0.1f);
        Assert.InRange(data.TrainX.max().item<float>(), 0.9f, 1f);
    }

    [Fact]
    public void A_truncated_file_is_named_with_the_expected_size()
    {
        var folder = FakeCifar(corrupt: (file: "data_batch_1.bin", bytes => bytes[..1000]));
        var error = Assert.Throws<DataException>(() => Cifar10Dataset.ReadTraining(folder, 10));
        Assert.Contains("data_batch_1.bin", error.Message);
        Assert.Contains("30,730,000", error.Message);
    }

    [Fact]
    public void A_bad_label_byte_is_named_with_its_record()
    {
        var folder = FakeCifar(corrupt: (file: "test_batch.bin", bytes => { bytes[3073 * 7] = 42; return bytes; }));
        var error = Assert.Throws<DataException>(() => Cifar10Dataset.ReadTest(folder, 10));
        Assert.Contains("test_batch.bin", error.Message);
        Assert.Contains("record 7", error.Message);
        Assert.Contains("label byte 42", error.Message);
    }

    [Fact]
    public void Missing_data_says_where_it_looked_and_where_to_download_it()
    {
        var empty = Directory.CreateTempSubdirectory("deepdsl-empty-").FullName;
        var saved = new[] { "DEEPDSL_OFFLINE", "DEEPDSL_DATA", "DEEPDSL_CACHE" }.ToDictionary(v => v, Environment.GetEnvironmentVariable);
        try
        {
            Environment.SetEnvironmentVariable("DEEPDSL_OFFLINE", "1");
            Environment.SetEnvironmentVariable("DEEPDSL_DATA", null);
            Environment.SetEnvironmentVariable("DEEPDSL_CACHE", Path.Combine(empty, "cache"));
            var error = Assert.Throws<DataException>(() => Cifar10Dataset.Locate(empty, TextWriter.Null));
            Assert.Contains(empty, error.Message);
            Assert.Contains(Cifar10Files.DownloadUrl, error.Message);
            Assert.Contains("data_batch_1.bin", error.Message);
        }
        finally
        {
            foreach (var (name, value) in saved) Environment.SetEnvironmentVariable(name, value);
        }
    }

    [Fact]
    public void The_archive_is_read_like_the_folder()
    {
        var folder = FakeCifar(corrupt: null);
        var archive = Path.Combine(Directory.CreateTempSubdirectory("deepdsl-archive-").FullName, Cifar10Files.ArchiveName);
        using (var file = File.Create(archive))
        using (var gzip = new System.IO.Compression.GZipStream(file, System.IO.Compression.CompressionLevel.Fastest))
        using (var tar = new System.Formats.Tar.TarWriter(gzip))
            foreach (var name in Cifar10Files.TrainFiles.Append(Cifar10Files.TestFile))
                tar.WriteEntry(Path.Combine(folder, name), "cifar-10-batches-bin/" + name);
        using var scope = torch.NewDisposeScope();
        var (fromFolder, labelsFromFolder) = Cifar10Dataset.ReadTraining(folder, 20_000);
        var (fromArchive, labelsFromArchive) = Cifar10Dataset.ReadTraining(Cifar10Files.Locate([Path.GetDirectoryName(archive)!])!, 20_000);
        Assert.Equal(labelsFromFolder.ToArray<long>(), labelsFromArchive.ToArray<long>());
        Assert.Equal(fromFolder.ToArray<byte>(), fromArchive.ToArray<byte>());
    }

    [Fact]
    public void An_archive_entry_larger_than_a_batch_file_is_refused_before_it_is_read()
    {
        // 400 MB of zeros compress to under half a megabyte: the entry's header size is checked, not the bytes counted after reading them.
        var archive = Path.Combine(Directory.CreateTempSubdirectory("deepdsl-bomb-").FullName, Cifar10Files.ArchiveName);
        using (var file = File.Create(archive))
        using (var gzip = new System.IO.Compression.GZipStream(file, System.IO.Compression.CompressionLevel.Fastest))
        using (var tar = new System.Formats.Tar.TarWriter(gzip))
        {
            var entry = new System.Formats.Tar.PaxTarEntry(System.Formats.Tar.TarEntryType.RegularFile, "cifar-10-batches-bin/data_batch_1.bin")
            {
                DataStream = new ZeroStream(400L << 20),
            };
            tar.WriteEntry(entry);
        }
        var before = GC.GetTotalAllocatedBytes();
        var error = Assert.Throws<DataException>(() => Cifar10Files.Read(archive, ["data_batch_1.bin"]));
        Assert.Contains("419,430,400 bytes", error.Message);
        Assert.True(GC.GetTotalAllocatedBytes() - before < 64L << 20, "the entry was not read into memory");
    }

    /// <summary>A stream of <paramref name="length"/> zero bytes that holds none of them.</summary>
    private sealed class ZeroStream(long length) : Stream
    {
        private long position;
        public override bool CanRead => true;
        public override bool CanSeek => true;
        public override bool CanWrite => false;
        public override long Length => length;
        public override long Position { get => position; set => position = value; }
        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - position);
            Array.Clear(buffer, offset, n);
            position += n;
            return n;
        }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => position = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => position + offset,
            _ => length + offset,
        };
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>Six files in the official layout with seeded random pixels and labels, one optionally corrupted.</summary>
    private static string FakeCifar((string file, Func<byte[], byte[]> change)? corrupt)
    {
        var folder = Directory.CreateTempSubdirectory("deepdsl-cifar-").FullName;
        var random = new Random(3);
        foreach (var name in Cifar10Files.TrainFiles.Append(Cifar10Files.TestFile))
        {
            var bytes = new byte[Cifar10Files.RecordsPerFile * Cifar10Files.RecordBytes];
            random.NextBytes(bytes);
            for (var r = 0; r < Cifar10Files.RecordsPerFile; r++) bytes[r * Cifar10Files.RecordBytes] = (byte)random.Next(10);
            if (corrupt is { } c && c.file == name) bytes = c.change(bytes);
            File.WriteAllBytes(Path.Combine(folder, name), bytes);
        }
        return folder;
    }
}
