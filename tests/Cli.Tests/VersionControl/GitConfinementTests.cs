namespace DeepDsl.Cli.Tests.VersionControl;

/// <summary>
/// At a commit or the index, `extends` reads git's objects only, under the disk's policy: committed symbolic
/// links (to a file, or a folder on the way) and relative paths that lead out of the repository are refused
/// (DDSL017 at the `extends` line), and nothing of the file outside reaches git diff, diff --cached, log -p,
/// the textconv or the pre-commit hook. A link that stays inside is followed at the same revision.
/// </summary>
public sealed class GitConfinementTests : IDisposable
{
    private const string Secret = "TOPSECRET-4242";

    private static readonly string Spec = TinySpec.Named("outside", "samples: 64, classes: 2", $"description: \"{Secret}\"").Replace("epochs: 1", "epochs: 3");

    private readonly string outside = Directory.CreateTempSubdirectory("deepdsl-outside-").FullName;
    private readonly GitRepository repo = new();

    public GitConfinementTests()
    {
        File.WriteAllText(Path.Combine(outside, "secret.yaml"), Spec + "\n");
        Assert.Equal(0, repo.Git("init", "-q").Exit);
        Directory.CreateDirectory(Path.Combine(repo.Root, "experiments"));
        File.CreateSymbolicLink(Path.Combine(repo.Root, "experiments", "linked-folder"), outside);
        File.CreateSymbolicLink(Path.Combine(repo.Root, "experiments", "linked-file.yaml"), Path.Combine(outside, "secret.yaml"));
        repo.Write("experiments/inside.yaml", Spec.Replace(Secret, "inside") + "\n");
        File.CreateSymbolicLink(Path.Combine(repo.Root, "experiments", "alias.yaml"), "inside.yaml");
        var relative = Path.GetRelativePath(Path.Combine(repo.Root, "experiments"), Path.Combine(outside, "secret.yaml"));
        repo.Write("experiments/through-folder.yaml", "name: a\nextends: linked-folder/secret.yaml\n");
        repo.Write("experiments/through-file.yaml", "name: b\nextends: linked-file.yaml\n");
        repo.Write("experiments/up.yaml", $"name: c\nextends: {relative}\n");
        repo.Write("experiments/alias-user.yaml", "name: d\nextends: alias.yaml\n");
        Assert.Equal(0, repo.Deepdsl("git", "install").Exit);
        Assert.Equal(0, repo.Deepdsl("git", "hook", "--install").Exit);
        Assert.Equal(0, repo.Git("add", "-A").Exit);
        Assert.Equal(0, repo.Git("commit", "-q", "--no-verify", "-m", "one").Exit);
        foreach (var name in new[] { "through-folder", "through-file", "up", "alias-user" })
        {
            var path = Path.Combine(repo.Root, "experiments", name + ".yaml");
            File.WriteAllText(path, File.ReadAllText(path).Replace("\nextends", "\ndescription: changed\nextends"));
        }
    }

    public void Dispose()
    {
        Directory.Delete(outside, recursive: true);
        Directory.Delete(repo.Root, recursive: true);
    }

    [Theory]
    [InlineData("diff")]
    [InlineData("diff --cached")]
    [InlineData("log -p")]
    [InlineData("show HEAD")]
    public void Git_reports_the_refused_extends_and_prints_nothing_from_outside(string command)
    {
        if (command.Contains("cached")) Assert.Equal(0, repo.Git("add", "-A").Exit);
        var (exit, output) = repo.Git(command.Split(' '));
        Assert.True(exit == 0, output);
        Assert.DoesNotContain(Secret, output);
        foreach (var name in new[] { "through-folder", "through-file", "up" })
            Assert.Matches($@"experiments/{name}\.yaml\([23],10\): error DDSL017", output); // line 2 at the first commit, 3 since
    }

    [Fact]
    public void The_textconv_of_a_staged_spec_reports_the_refused_extends_and_prints_nothing_from_outside()
    {
        Assert.Equal(0, repo.Git("add", "-A").Exit);
        foreach (var name in new[] { "through-folder", "through-file", "up" })
        {
            var (exit, output) = repo.Git("cat-file", "--textconv", $":experiments/{name}.yaml");
            Assert.True(exit == 0, output);
            Assert.DoesNotContain(Secret, output);
            Assert.Contains($"experiments/{name}.yaml(3,10): error DDSL017", output);
        }
    }

    [Fact]
    public void The_pre_commit_hook_refuses_the_commit_at_each_extends_line_without_following_the_links()
    {
        Assert.Equal(0, repo.Git("add", "-A").Exit);
        var (exit, output) = repo.Git("commit", "-m", "two");
        Assert.NotEqual(0, exit);
        Assert.DoesNotContain(Secret, output);
        foreach (var name in new[] { "through-folder", "through-file", "up" })
            Assert.Contains($"experiments/{name}.yaml(3,10): error DDSL017", output);
        Assert.DoesNotContain("DDSL004", output); // the keys the refused base would have supplied are not reported missing
    }

    [Fact]
    public void A_committed_link_that_stays_inside_the_repository_is_followed_at_the_revision()
    {
        Assert.Equal(0, repo.Git("add", "experiments/alias-user.yaml").Exit);
        var (exit, output) = repo.Git("diff", "--cached");
        Assert.True(exit == 0, output);
        Assert.Contains("resolved at commit", output);
        Assert.Contains("~ description: inside → changed", output); // "inside" comes from the linked base at HEAD
    }
}
