using System.IO;

namespace DeepDsl.Dsl.Resolution;

/// <summary>Reads specs from the disk.</summary>
public sealed class DiskFileSystem : ISpecFileSystem
{
    public static readonly DiskFileSystem Instance = new DiskFileSystem();

    public bool TryRead(string fullPath, out string text)
    {
        try
        {
            text = File.ReadAllText(fullPath);
            return true;
        }
        catch (IOException)
        {
            text = "";
            return false;
        }
        catch (System.UnauthorizedAccessException)
        {
            text = "";
            return false;
        }
    }
}
