using DeepDsl.Engines.TorchSharp;

namespace DeepDsl.Runtime.Tests.Engines;

/// <summary>
/// When TorchSharp's glue cannot load, one line says why, read from the dynamic loader's own answer (.NET lists one
/// answer per place it tried): the libstdc++ too old (Debian 12, Ubuntu 22.04), or no libtorch package referenced.
/// </summary>
public sealed class TorchSharpLoadMessageTests
{
    // What .NET 10 said on Debian 12 for a project referencing TorchSharp-cpu (2026-12-06), shortened to the app's folder.
    private const string OldLibStdCxx = """
        Unable to load shared library 'LibTorchSharp' or one of its dependencies. In order to help diagnose loading problems, consider using a tool like strace. If you're using glibc, consider setting the LD_DEBUG environment variable: 
        /usr/share/dotnet/shared/Microsoft.NETCore.App/10.0.12/LibTorchSharp.so: cannot open shared object file: No such file or directory
        /app/runtimes/linux-x64/native/LibTorchSharp.so: cannot open shared object file: No such file or directory
        /lib/x86_64-linux-gnu/libstdc++.so.6: version `GLIBCXX_3.4.32' not found (required by /app/runtimes/linux-x64/native/libLibTorchSharp.so)
        /app/runtimes/linux-x64/native/LibTorchSharp: cannot open shared object file: No such file or directory
        """;

    [Fact]
    public void An_old_libstdcxx_is_named_with_the_version_the_glue_needs_the_distribution_and_the_native_engine()
    {
        var message = LibTorchSharpLoader.Explain(OldLibStdCxx, "Debian GNU/Linux 12 (bookworm)", "GLIBCXX_3.4.30");
        Assert.Equal(
            "the TorchSharp engine cannot load here: its glue libLibTorchSharp.so needs GCC 13's libstdc++ (GLIBCXX_3.4.32), and " +
            "Debian GNU/Linux 12 (bookworm) has an older one (its newest is GLIBCXX_3.4.30); the native engine serves this machine: run with --engine native",
            message);
    }

    [Fact]
    public void A_glue_without_its_libtorch_asks_for_a_TorchSharp_libtorch_package()
    {
        const string noLibTorch = """
            Unable to load shared library 'LibTorchSharp' or one of its dependencies.
            /app/LibTorchSharp.so: cannot open shared object file: No such file or directory
            /app/runtimes/linux-x64/native/libLibTorchSharp.so: libtorch.so: cannot open shared object file: No such file or directory
            """;
        var message = LibTorchSharpLoader.Explain(noLibTorch, "Debian GNU/Linux 13 (trixie)", "GLIBCXX_3.4.34");
        Assert.Contains("no libtorch here", message);
        Assert.Contains("reference TorchSharp-cpu", message);
        Assert.DoesNotContain("\n", message);
    }

    [Fact]
    public void No_glue_anywhere_asks_for_a_TorchSharp_libtorch_package_too()
    {
        const string nowhere = """
            Unable to load shared library 'LibTorchSharp' or one of its dependencies.
            /app/LibTorchSharp.so: cannot open shared object file: No such file or directory
            /app/libLibTorchSharp.so: cannot open shared object file: No such file or directory
            """;
        Assert.Contains("reference TorchSharp-cpu", LibTorchSharpLoader.Explain(nowhere, null, null));
    }

    [Fact]
    public void Another_reason_is_the_loaders_own_line()
    {
        const string other = """
            Unable to load shared library 'LibTorchSharp' or one of its dependencies.
            /app/LibTorchSharp.so: cannot open shared object file: No such file or directory
            /app/libLibTorchSharp.so: libgomp-98b21ff3.so.1: cannot open shared object file: No such file or directory
            """;
        Assert.Equal("the TorchSharp engine cannot load here: /app/libLibTorchSharp.so: libgomp-98b21ff3.so.1: cannot open shared object file: No such file or directory",
            LibTorchSharpLoader.Explain(other, null, null));
    }

    [Fact]
    public void Libtorchs_message_is_kept_without_the_backtrace_TorchSharp_adds()
    {
        const string parked = """
            The size of tensor a (3) must match the size of tensor b (4) at non-singleton dimension 1
            Exception raised from infer_size_impl at /pytorch/aten/src/ATen/ExpandUtils.cpp:31 (most recent call first):
            frame #0: c10::Error::Error(c10::SourceLocation, std::string) + 0x9d (0x7f in libc10.so)
            """;
        Assert.Equal("The size of tensor a (3) must match the size of tensor b (4) at non-singleton dimension 1", LibTorchErrors.Message(parked));
    }

    [Fact]
    public void A_glue_without_libtorch_beside_it_is_refused_before_anything_loads()
    {
        // The DeepDsl package brings TorchSharp's glue; without a TorchSharp libtorch package beside it the glue would bind
        // to whatever libtorch the system has (Debian 13's libtorch-dev puts a 2.6 on its paths).
        var app = Directory.CreateTempSubdirectory("deepdsl-glue-").FullName;
        var (glue, libtorch) = OperatingSystem.IsWindows() ? ("LibTorchSharp.dll", "torch_cpu.dll")
            : OperatingSystem.IsMacOS() ? ("libLibTorchSharp.dylib", "libtorch_cpu.dylib") : ("libLibTorchSharp.so", "libtorch_cpu.so");
        try
        {
            var empty = Directory.CreateDirectory(Path.Combine(app, "empty")).FullName;
            var natives = Directory.CreateDirectory(Path.Combine(app, "natives")).FullName;
            File.WriteAllText(Path.Combine(natives, glue), "");
            Assert.Null(LibTorchSharpLoader.GlueWithoutLibTorch([empty]));
            Assert.Equal(natives, LibTorchSharpLoader.GlueWithoutLibTorch([empty, natives]));
            File.WriteAllText(Path.Combine(natives, libtorch), "");
            Assert.Null(LibTorchSharpLoader.GlueWithoutLibTorch([empty, natives]));
        }
        finally
        {
            Directory.Delete(app, recursive: true);
        }
    }
}
