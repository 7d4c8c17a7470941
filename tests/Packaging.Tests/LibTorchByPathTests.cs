namespace DeepDsl.Packaging.Tests;

/// <summary>
/// The shim's CMake project against a libtorch whose TorchConfig.cmake cannot configure — laid out as PyTorch ships
/// one (include/, lib/, share/cmake/Torch), its config failing as a CUDA build's does without the CUDA toolkit: the
/// configure goes on by path, with the C++ ABI the config file names, and says so. (The system's libtorch stands
/// in for PyTorch's: include/ and lib/'s libraries link to it.) Configure only: the build is what every ./test.sh does.
/// </summary>
public sealed class LibTorchByPathTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("deepdsl-bypath-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void A_libtorch_whose_config_fails_is_linked_by_path_with_the_abi_its_config_names(int abi)
    {
        var libtorch = Path.Combine(folder, "torch");
        Directory.CreateDirectory(Path.Combine(libtorch, "share", "cmake", "Torch"));
        File.CreateSymbolicLink(Path.Combine(libtorch, "include"), "/usr/include");
        Directory.CreateDirectory(Path.Combine(libtorch, "lib"));
        foreach (var library in new[] { "libtorch.so", "libtorch_cpu.so", "libc10.so" })
            File.CreateSymbolicLink(Path.Combine(libtorch, "lib", library), Path.Combine("/usr/lib/x86_64-linux-gnu", library));
        File.WriteAllText(Path.Combine(libtorch, "share", "cmake", "Torch", "TorchConfig.cmake"), $"""
            set(TORCH_CXX_FLAGS "-D_GLIBCXX_USE_CXX11_ABI={abi}")
            message(FATAL_ERROR "Your installed Caffe2 version uses CUDA but I cannot find the CUDA libraries.")
            """);

        var source = Path.Combine(Repository.Root, "src", "Runtime", "native");
        var result = ChildProcess.Run(folder, "cmake",
            $"-S \"{source}\" -B \"{Path.Combine(folder, "build")}\" -DCMAKE_PREFIX_PATH=\"{libtorch}\" -DDEEPDSL_LIBTORCH=\"{libtorch}\" -Wno-dev",
            new Dictionary<string, string>());

        Assert.True(result.Exit == 0, result.Output);
        Assert.Contains("TorchConfig.cmake does not configure here (Your installed Caffe2 version uses CUDA", result.Output);
        Assert.Contains($"DeepDsl: libtorch by path from {libtorch} (-D_GLIBCXX_USE_CXX11_ABI={abi})", result.Output);
    }

    [Fact]
    public void A_folder_that_is_no_libtorch_is_one_error_naming_what_is_missing()
    {
        var source = Path.Combine(Repository.Root, "src", "Runtime", "native");
        var result = ChildProcess.Run(folder, "cmake",
            $"-S \"{source}\" -B \"{Path.Combine(folder, "build")}\" -DCMAKE_PREFIX_PATH=\"{folder}\" -DDEEPDSL_LIBTORCH=\"{folder}\" -Wno-dev",
            new Dictionary<string, string>());

        Assert.NotEqual(0, result.Exit);
        // CMake wraps its messages: compare with the line breaks as spaces.
        Assert.Contains($"{folder}/lib has no libtorch.so: DEEPDSL_LIBTORCH must name a libtorch folder",
            System.Text.RegularExpressions.Regex.Replace(result.Output, @"\s+", " "));
    }
}
