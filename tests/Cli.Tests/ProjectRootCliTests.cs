namespace DeepDsl.Cli.Tests;

/// <summary>
/// Outside git, a spec's project is the nearest folder holding a *.csproj or Directory.Build.props (as
/// `dotnet new deepdsl` makes it): `extends` reaches across its folders, not out of it; and a refused base
/// is one error, not followed by the keys it would have supplied reported missing.
/// </summary>
public sealed class ProjectRootCliTests : IDisposable
{
    private static readonly string Base = TinySpec.Named("base");

    private readonly string root = Directory.CreateTempSubdirectory("deepdsl-nogit-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Theory]
    [InlineData("MyStudy.csproj")]
    [InlineData("Directory.Build.props")]
    public void Extends_reaches_across_the_folders_of_a_project_without_git(string marker)
    {
        var project = Directory.CreateDirectory(Path.Combine(root, "MyStudy")).FullName;
        File.WriteAllText(Path.Combine(project, marker), "<Project />\n");
        Directory.CreateDirectory(Path.Combine(project, "experiments", "study"));
        File.WriteAllText(Path.Combine(project, "experiments", "base.yaml"), Base);
        File.WriteAllText(Path.Combine(project, "experiments", "study", "variant.yaml"), "name: variant\nextends: ../base.yaml\n");
        var result = DeepDslProcess.Run(project, "validate", "experiments/study/variant.yaml");
        Assert.True(result.Exit == 0, result.ToString());
    }

    [Fact]
    public void A_base_outside_the_project_is_one_error_at_the_extends_line_and_no_missing_keys()
    {
        var project = Directory.CreateDirectory(Path.Combine(root, "MyStudy")).FullName;
        File.WriteAllText(Path.Combine(project, "MyStudy.csproj"), "<Project />\n");
        File.WriteAllText(Path.Combine(root, "outside.yaml"), Base.Replace("name: base", "name: secret-outside"));
        Directory.CreateDirectory(Path.Combine(project, "experiments"));
        File.WriteAllText(Path.Combine(project, "experiments", "variant.yaml"), "name: variant\nextends: ../../outside.yaml\n");
        var result = DeepDslProcess.Run(project, "validate", "experiments/variant.yaml");
        DeepDslProcess.AssertUserError(result, "variant.yaml(2,10): error DDSL017");
        Assert.Contains("outside the project " + project, result.Output + result.Error);
        Assert.DoesNotContain("DDSL004", result.Output + result.Error);
        Assert.DoesNotContain("secret-outside", result.Output + result.Error);
    }
}
