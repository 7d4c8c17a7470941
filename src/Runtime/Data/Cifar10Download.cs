using System.Security.Cryptography;

namespace DeepDsl.Data;

/// <summary>
/// Downloads the official cifar-10-binary.tar.gz into the user's data cache and verifies its MD5.
/// Skipped when DEEPDSL_OFFLINE is set; any failure becomes a DataException with the address.
/// </summary>
public static class Cifar10Download
{
    /// <summary>MD5 of the official archive, as published on the CIFAR-10 page.</summary>
    public const string ArchiveMd5 = "c32a1d4ab5d03f1284b67883e8d87530";

    public static bool Disabled => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DEEPDSL_OFFLINE"));

    /// <summary>Downloads the archive into <paramref name="cache"/> and returns its path.</summary>
    public static string Fetch(string cache, TextWriter log)
    {
        Directory.CreateDirectory(cache);
        var target = Path.Combine(cache, Cifar10Files.ArchiveName);
        var partial = target + ".partial";
        log.WriteLine($"Downloading CIFAR-10 from {Cifar10Files.DownloadUrl} to {target} …");
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(10) };
            using (var response = http.GetAsync(Cifar10Files.DownloadUrl, HttpCompletionOption.ResponseHeadersRead).GetAwaiter().GetResult())
            {
                response.EnsureSuccessStatusCode();
                using var source = response.Content.ReadAsStream();
                using var file = File.Create(partial);
                source.CopyTo(file);
            }
            var md5 = Convert.ToHexStringLower(MD5.HashData(File.ReadAllBytes(partial)));
            if (md5 != ArchiveMd5)
                throw new DataException($"the downloaded {Cifar10Files.ArchiveName} has MD5 {md5}, expected {ArchiveMd5}");
            File.Move(partial, target, overwrite: true);
            return target;
        }
        catch (Exception error) when (error is HttpRequestException or TaskCanceledException or IOException or DataException)
        {
            File.Delete(partial);
            throw new DataException($"Downloading CIFAR-10 failed ({error.Message}).");
        }
    }
}
