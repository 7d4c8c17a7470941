namespace DeepDsl.Packaging.Tests;

/// <summary>
/// Stands in for a machine without libtorch: a shim that links a library which is then deleted, so
/// that loading it fails in the dynamic loader exactly as the real one does when libtorch is missing.
/// </summary>
internal static class BrokenShim
{
    public static void Replace(string shim)
    {
        var folder = Directory.CreateTempSubdirectory("deepdsl-broken-shim-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "dependency.cpp"), "extern \"C\" int deepdsl_missing_dependency() { return 0; }\n");
            File.WriteAllText(Path.Combine(folder, "shim.cpp"), "extern \"C\" int deepdsl_missing_dependency();\nextern \"C\" int dd_manual_seed(unsigned long) { return deepdsl_missing_dependency(); }\n");
            var environment = new Dictionary<string, string>();
            PackageFeed.Expect(0, ChildProcess.Run(folder, "g++", "-shared -fPIC -o libdeepdsl_missing_dependency.so dependency.cpp", environment));
            PackageFeed.Expect(0, ChildProcess.Run(folder, "g++", "-shared -fPIC -o libdeepdsl_native.so shim.cpp -L. -ldeepdsl_missing_dependency", environment));
            File.Copy(Path.Combine(folder, "libdeepdsl_native.so"), shim, overwrite: true);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
