using System.Diagnostics;
using DeepDsl.Experiments;

namespace DeepDsl.Generator.Tests;

/// <summary>The real `dotnet build` of a small project that opts in with one DeepDslExperiment item.</summary>
public sealed class BuildTests
{
    private const string InvalidSelu = """
        name: invalid-selu
        data: { dataset: cifar10, validation: 1000, standardize: true }
        model:
          input: [3, 32, 32]
          layers:
            - flatten
            - dense: { units: 100, activation: selu, kernel_init: he_normal }
            - dense: { units: 10, activation: softmax }
        training:
          loss: sparse_categorical_crossentropy
          optimizer: nadam
          epochs: 5
        """;

    /// <summary>alpha_dropout in an ELU network: DDSL107, a warning by default, at line 8.</summary>
    private static readonly string AlphaDropoutUnderElu = InvalidSelu
        .Replace("selu, kernel_init: he_normal", "elu, kernel_init: he_normal")
        .Replace("    - dense: { units: 10,", "    - alpha_dropout: 0.1\n    - dense: { units: 10,");

    [Fact]
    public void An_invalid_selu_spec_fails_the_build_at_its_yaml_line_and_column()
    {
        var project = TempProject(("invalid-selu.yaml", InvalidSelu));
        var (exit, output) = Build(project);
        Assert.NotEqual(0, exit);
        var line = InvalidSelu.Split('\n')[6];
        Assert.Contains($"{Path.Combine(project, "invalid-selu.yaml")}(7,{line.IndexOf("he_normal", StringComparison.Ordinal) + 1}): error DDSL101:", output);
        Assert.DoesNotContain("error CS", output);
    }

    /// <summary>A convolutional net whose dense layer gets the convolution's [8, 16, 16] output: no flatten.</summary>
    private const string DenseAfterConvolution = """
        name: unflattened
        data: { dataset: cifar10, validation: 1000 }
        model:
          input: [3, 32, 32]
          layers:
            - conv2d: { filters: 8, kernel_size: 3, strides: 2, padding: same, activation: relu, kernel_init: he_normal }
            - dense: { units: 10, activation: softmax }
        training:
          loss: sparse_categorical_crossentropy
          optimizer: nadam
          epochs: 5
        """;

    [Fact]
    public void A_layer_that_cannot_take_its_input_shape_fails_the_build_at_the_layer()
    {
        var project = TempProject(("unflattened.yaml", DenseAfterConvolution));
        var (exit, output) = Build(project);
        Assert.NotEqual(0, exit);
        Assert.Contains($"{Path.Combine(project, "unflattened.yaml")}(7,7): error DDSL019: 'dense_1' (dense) needs a vector but gets [8, 16, 16]: add '- flatten' before it", output);
        Assert.DoesNotContain("error CS", output);
    }

    [Fact]
    public void Code_that_uses_the_classes_of_an_invalid_spec_fails_with_the_yaml_error_not_type_not_found()
    {
        // The compiler skips analyzers when the C# has errors, so the YAML error must come through the C# error itself.
        var project = TempProject(("invalid-selu.yaml", InvalidSelu));
        File.WriteAllText(Path.Combine(project, "Study.cs"), """
            internal static class Study
            {
                public static object Create() => new DeepDsl.Generated.InvalidSeluExperiment();
            }
            """);
        var (exit, output) = Build(project);
        Assert.NotEqual(0, exit);
        Assert.Contains("error CS0619", output);
        Assert.Contains($"{Path.Combine(project, "invalid-selu.yaml")}(7,", output);
        Assert.Contains("error DDSL101: ", output);
        Assert.DoesNotContain("CS0246", output);
        Assert.DoesNotContain("CS0234", output);
    }

    /// <summary>Issue 19 (5): with the only spec in error, ExperimentCatalog vanished and this build failed with CS0103 first.</summary>
    [Fact]
    public void Code_that_uses_the_catalog_while_every_spec_has_errors_fails_with_the_yaml_error_only()
    {
        var project = TempProject(("invalid-selu.yaml", InvalidSelu));
        File.WriteAllText(Path.Combine(project, "Study.cs"), """
            internal static class Study
            {
                public static int Count() => DeepDsl.Generated.ExperimentCatalog.All.Count;
            }
            """);
        var (exit, output) = Build(project);
        Assert.NotEqual(0, exit);
        Assert.Contains($"{Path.Combine(project, "invalid-selu.yaml")}(7,", output);
        Assert.Contains("error DDSL101: ", output);
        Assert.DoesNotContain("error CS", output);
    }

    [Fact]
    public void A_spec_nested_100000_levels_deep_fails_the_build_at_its_position_and_the_compiler_survives()
    {
        var nested = "name: deep\ndescription: " + string.Concat(Enumerable.Repeat("[", 100_000)) + "\n";
        var project = TempProject(("deep.yaml", nested), ("invalid-selu.yaml", InvalidSelu));
        var (exit, output) = Build(project);
        Assert.NotEqual(0, exit);
        // Located at the 65th '[' of line 2; and the compiler lived on to report the other spec's error too.
        Assert.Contains($"{Path.Combine(project, "deep.yaml")}(2,{"description: ".Length + 65}): error DDSL016:", output);
        Assert.Contains("error DDSL101:", output);
        Assert.DoesNotContain("Stack overflow", output);
        Assert.DoesNotContain("error CS", output);
    }

    [Fact]
    public void A_warning_made_an_error_in_globalconfig_fails_the_build()
    {
        var project = TempProject(("alpha.yaml", AlphaDropoutUnderElu));
        var (exit, output) = Build(project);
        Assert.True(exit == 0, output);
        Assert.Contains("warning DDSL107", output);

        File.WriteAllText(Path.Combine(project, ".globalconfig"), "is_global = true\ndotnet_diagnostic.DDSL107.severity = error\n");
        (exit, output) = Build(project);
        Assert.NotEqual(0, exit);
        Assert.Contains($"{Path.Combine(project, "alpha.yaml")}(8,7): error DDSL107:", output);
    }

    /// <summary>
    /// With a C# file in the project the SDK passes the .globalconfig to the compiler itself; passed a
    /// second time by DeepDsl's targets, Roslyn unsets every key the two share and the rule stays a warning.
    /// </summary>
    [Fact]
    public void A_globalconfig_beside_csharp_files_reaches_the_compiler_once()
    {
        var project = TempProject(("alpha.yaml", AlphaDropoutUnderElu));
        File.WriteAllText(Path.Combine(project, "Study.cs"), "internal static class Study { }\n");
        File.WriteAllText(Path.Combine(project, ".globalconfig"), "is_global = true\ndotnet_diagnostic.DDSL107.severity = error\n");
        var (exit, output) = Build(project);
        Assert.NotEqual(0, exit);
        Assert.Contains($"{Path.Combine(project, "alpha.yaml")}(8,7): error DDSL107:", output);
        Assert.DoesNotContain("MultipleGlobalAnalyzerKeys", output);
    }

    [Fact]
    public void Deepdsl_generate_prints_exactly_what_the_build_generated()
    {
        var valid = InvalidSelu.Replace("he_normal", "lecun_normal").Replace("invalid-selu", "valid-selu");
        var project = TempProject(("valid.yaml", valid));
        var (exit, output) = Build(project);
        Assert.True(exit == 0, output);
        var built = File.ReadAllText(Directory.GetFiles(Path.Combine(project, "obj"), "ValidSelu.g.cs", SearchOption.AllDirectories).Single());
        var spec = Path.Combine(project, "valid.yaml");
        var generated = Cli.Generation.GeneratedExperiment.Generate(spec, [spec]);
        Assert.Equal(built, generated);
    }

    private static string TempProject(params (string Name, string Text)[] specs)
    {
        var folder = Directory.CreateTempSubdirectory("deepdsl-build-").FullName;
        var generator = Path.Combine(Repository.Root, "src", "Generator", "bin", Repository.Configuration, "netstandard2.0") + "/";
        File.WriteAllText(Path.Combine(folder, "Specs.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <Import Project="{Repository.Root}/src/Generator/build/DeepDsl.Generator.props" />
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <DeepDslGeneratorDirectory>{generator}</DeepDslGeneratorDirectory>
                <EmitCompilerGeneratedFiles>true</EmitCompilerGeneratedFiles>
              </PropertyGroup>
              <ItemGroup>
                <DeepDslExperiment Include="*.yaml" />
                <Reference Include="DeepDsl.Runtime" HintPath="{typeof(IExperiment).Assembly.Location}" />
              </ItemGroup>
              <Import Project="{Repository.Root}/src/Generator/build/DeepDsl.Generator.targets" />
            </Project>
            """);
        foreach (var (name, text) in specs) File.WriteAllText(Path.Combine(folder, name), text);
        return folder;
    }

    private static (int Exit, string Output) Build(string project)
    {
        var start = new ProcessStartInfo("dotnet", "build -nologo -nodeReuse:false -p:UseSharedCompilation=false -clp:NoSummary")
        {
            WorkingDirectory = project, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
