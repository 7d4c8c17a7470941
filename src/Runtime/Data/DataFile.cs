using DeepDsl.IO;

namespace DeepDsl.Data;

/// <summary>
/// The one way a data file (npy, CSV, an image) is read: through <see cref="PathGuard.ReadFile"/> (regular files only, the
/// size known before reading), its refusal a <see cref="DataException"/> that names the file and what it was read as.
/// </summary>
internal static class DataFile
{
    public static byte[] Read(string path, long maxBytes, string what)
    {
        try
        {
            return PathGuard.ReadFile(path, maxBytes);
        }
        catch (FileNotFoundException)
        {
            throw new DataException($"{path} does not exist (expected {what}).");
        }
        catch (IOException)
        {
            // PathGuard's own reason, without the path it starts with.
            throw new DataException($"{path} cannot be read as {what}: {PathGuard.WhyNotReadable(path, maxBytes) ?? "it could not be read"}.");
        }
    }
}
