namespace DeepDsl.Packaging.Tests;

/// <summary>The DeepDsl.Templates package: dotnet new deepdsl.</summary>
[Collection(PackageFeedCollection.Name)]
public sealed class TemplateTests(PackageFeed feed)
{
    [Fact]
    public void A_project_made_by_dotnet_new_deepdsl_builds_and_lists_its_experiments()
    {
        var template = Assert.Single(Directory.GetFiles(feed.Feed, "DeepDsl.Templates.*.nupkg"));
        PackageFeed.Expect(0, feed.DotnetNew(feed.Root, $"install \"{template}\""));
        PackageFeed.Expect(0, feed.DotnetNew(feed.Root, "deepdsl -o MyStudy"));
        var project = Path.Combine(feed.Root, "MyStudy");
        Assert.True(File.Exists(Path.Combine(project, ".globalconfig")));
        Assert.True(File.Exists(Path.Combine(project, "README.md")));

        PackageFeed.Expect(0, feed.Dotnet(project, "build"));
        var list = PackageFeed.Expect(0, feed.Dotnet(project, "run --no-build"));
        Assert.Contains("cifar10-elu-he-nadam", list.Output);
        Assert.Contains("cifar10-selu", list.Output);
    }
}
