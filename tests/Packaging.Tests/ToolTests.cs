namespace DeepDsl.Packaging.Tests;

/// <summary>The DeepDsl.Cli dotnet tool, installed from the feed.</summary>
[Collection(PackageFeedCollection.Name)]
public sealed class ToolTests(PackageFeed feed)
{
    [Fact]
    public void Deepdsl_validate_exits_0_on_a_valid_spec_and_1_on_an_invalid_one()
    {
        var folder = Directory.CreateDirectory(Path.Combine(feed.Root, "specs")).FullName;
        File.WriteAllText(Path.Combine(folder, "clusters.yaml"), Specs.Clusters);
        File.WriteAllText(Path.Combine(folder, "invalid-selu.yaml"), Specs.InvalidSelu);

        var valid = PackageFeed.Expect(0, ChildProcess.Run(folder, feed.Tool, "validate clusters.yaml", feed.Environment));
        Assert.Contains("clusters.yaml: ok", valid.Output);
        var invalid = PackageFeed.Expect(1, ChildProcess.Run(folder, feed.Tool, "validate invalid-selu.yaml", feed.Environment));
        Assert.Contains($"{Specs.InvalidSeluInitializer("invalid-selu.yaml")}: error DDSL101:", invalid.Output);
    }
}
