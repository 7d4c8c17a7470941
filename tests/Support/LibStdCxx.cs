namespace DeepDsl.Tests.Support;

/// <summary>
/// Which symbol versions the system's C++ runtime offers: TorchSharp's glue needs GLIBCXX_3.4.32 (GCC 13's libstdc++),
/// which Debian 13 has and Debian 12 (3.4.30) has not. The version names are plain strings in the library.
/// </summary>
public static class LibStdCxx
{
    private static readonly string[] Places = ["/usr/lib/x86_64-linux-gnu/libstdc++.so.6", "/usr/lib64/libstdc++.so.6", "/usr/lib/libstdc++.so.6"];

    public static bool Offers(string version)
    {
        var library = Places.FirstOrDefault(File.Exists) ?? throw new FileNotFoundException("no libstdc++.so.6 in " + string.Join(", ", Places));
        var needle = System.Text.Encoding.ASCII.GetBytes(version + "\0");
        return File.ReadAllBytes(library).AsSpan().IndexOf(needle) >= 0;
    }
}
