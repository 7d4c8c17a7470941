namespace DeepDsl.Cli.Tests.VersionControl;

/// <summary>
/// `deepdsl git install` in a real repository: a base, a variant that `extends` it and a non-spec YAML
/// file over three commits; git diff, log -p, show and diff A B exit 0 and show the experiments' changes.
/// </summary>
public sealed class GitIntegrationTests
{
    private const string Base = """
        name: base
        data: { dataset: synthetic, samples: 64, classes: 2, validation: 16 }
        model:
          input: [4]
          layers:
            - repeat: 3
              layers:
                - dense: { units: 8, activation: elu, kernel_init: he_normal }
            - dense: { units: 2, activation: softmax }
        training:
          loss: sparse_categorical_crossentropy
          optimizer: { nadam: { learning_rate: 0.001 } }
          epochs: 2
          early_stopping: { monitor: val_loss, patience: 20 }
        """;

    private const string Variant = """
        name: variant
        extends: base.yaml
        training:
          optimizer: { nadam: { learning_rate: 0.002 } }
        """;

    private static GitRepository ThreeCommits()
    {
        var repo = new GitRepository();
        Assert.Equal(0, repo.Git("init", "-q").Exit);
        repo.Write("experiments/base.yaml", Base + "\n");
        repo.Write("experiments/variant.yaml", Variant + "\n");
        repo.Write("experiments/notes.yaml", "owner: someone\n");
        repo.Commit("one");
        var install = repo.Deepdsl("git", "install");
        Assert.True(install.Exit == 0, install.Output);
        repo.Write("experiments/variant.yaml", Variant.Replace("0.002", "0.003") + "\n");
        repo.Commit("two: variant learning rate");
        repo.Write("experiments/base.yaml", Base.Replace("patience: 20", "patience: 7") + "\n");
        repo.Write("experiments/notes.yaml", "owner: someone else\n");
        repo.Commit("three: base patience");
        return repo;
    }

    [Fact]
    public void Install_writes_the_driver_and_attributes_for_the_experiment_folder_once()
    {
        var repo = ThreeCommits();
        Assert.Equal(0, repo.Deepdsl("git", "install").Exit);
        Assert.Equal(["experiments/**/*.yaml diff=deepdsl"], File.ReadAllLines(Path.Combine(repo.Root, ".gitattributes")));
        Assert.Contains("git diff-driver", repo.Git("config", "diff.deepdsl.command").Output);
        Assert.Contains("git textconv", repo.Git("config", "diff.deepdsl.textconv").Output);
    }

    [Fact]
    public void Diff_between_commits_resolves_each_side_at_its_own_revision()
    {
        var repo = ThreeCommits();
        var (exit, output) = repo.Git("diff", "HEAD~2", "HEAD");
        Assert.True(exit == 0, output);
        var variant = Section(output, "experiments/variant.yaml");
        Assert.Contains("training.optimizer.nadam.learning_rate: 0.002 → 0.003", variant);
        Assert.Contains("training.early_stopping.patience: 20 → 7", variant); // inherited from the base, changed in HEAD
        Assert.Contains("training.early_stopping.patience: 20 → 7", Section(output, "experiments/base.yaml"));
    }

    [Fact]
    public void Log_and_show_print_the_resolved_experiments()
    {
        var repo = ThreeCommits();
        var (exit, log) = repo.Git("log", "-p");
        Assert.True(exit == 0, log);
        Assert.Contains("+    nadam: { learning_rate: 0.003", log);
        var show = repo.Git("show", "--unified=500", "HEAD~1");
        Assert.True(show.Exit == 0, show.Output);
        Assert.Contains("-    nadam: { learning_rate: 0.002", show.Output);
        Assert.Contains("+    nadam: { learning_rate: 0.003", show.Output);
        Assert.Contains(" patience: 20", show.Output); // the base as it was at HEAD~1, resolved into the variant
        Assert.DoesNotContain("patience: 7", show.Output);
    }

    [Fact]
    public void Working_tree_changes_show_as_a_semantic_diff_and_other_yaml_as_text()
    {
        var repo = ThreeCommits();
        repo.Write("experiments/variant.yaml", Variant.Replace("0.002", "0.004") + "\n# a comment only\n");
        repo.Write("experiments/notes.yaml", "owner: nobody\n");
        var (exit, output) = repo.Git("diff");
        Assert.True(exit == 0, output);
        Assert.Contains("~ training.optimizer.nadam.learning_rate: 0.003 → 0.004", output);
        Assert.DoesNotContain("comment", output);
        Assert.Contains("-owner: someone else\n+owner: nobody", output);
    }

    [Fact]
    public void A_broken_spec_falls_back_to_a_text_diff_and_git_still_succeeds()
    {
        var repo = ThreeCommits();
        repo.Write("experiments/variant.yaml", Variant + "\n  : [unbalanced\n");
        var (exit, output) = repo.Git("diff");
        Assert.True(exit == 0, output);
        Assert.Contains("text diff follows", output);
        Assert.Contains("+  : [unbalanced", output);
    }

    [Fact]
    public void The_pre_commit_hook_refuses_an_unformatted_or_invalid_staged_spec()
    {
        var repo = ThreeCommits();
        Assert.Equal(0, repo.Deepdsl("git", "hook", "--install").Exit);
        repo.Write("experiments/variant.yaml", "name: variant\nextends: base.yaml\ntraining: {optimizer: {nadam: {learning_rate: -1}}}\n");
        Assert.Equal(0, repo.Git("add", "-A").Exit);
        var (exit, output) = repo.Git("commit", "-m", "bad");
        Assert.NotEqual(0, exit);
        Assert.Contains("learning_rate", output);
        Assert.Contains("not formatted", output);
        repo.Write("experiments/variant.yaml", Variant.Replace("0.002", "0.005") + "\n");
        Assert.Equal(0, repo.Deepdsl("fmt", "experiments/variant.yaml").Exit);
        Assert.Equal(0, repo.Git("add", "-A").Exit);
        var good = repo.Git("commit", "-m", "good");
        Assert.True(good.Exit == 0, good.Output);
    }

    [Fact]
    public void The_hook_checks_files_it_is_given_as_the_pre_commit_framework_passes_them_and_skips_other_yaml()
    {
        var repo = ThreeCommits();
        repo.Write(".github/workflow.yml", "on: push\n");
        Assert.Equal(0, repo.Deepdsl("fmt", "experiments/base.yaml").Exit);
        Assert.Equal(0, repo.Deepdsl("git", "hook", "experiments/base.yaml", "experiments/notes.yaml", ".github/workflow.yml").Exit);
        repo.Write("experiments/variant.yaml", "name: variant\nextends: base.yaml\ntraining: {optimizer: {nadam: {learning_rate: 0.002}}}\n");
        var (exit, output) = repo.Deepdsl("git", "hook", "experiments/variant.yaml");
        Assert.Equal(1, exit);
        Assert.Contains("experiments/variant.yaml: not formatted", output);
    }

    /// <summary>The part of a multi-file diff about one file.</summary>
    private static string Section(string diff, string path)
    {
        var start = diff.IndexOf($"a/{path} b/{path}", StringComparison.Ordinal);
        Assert.True(start >= 0, diff);
        var next = diff.IndexOf("\ndiff --", start, StringComparison.Ordinal);
        return next < 0 ? diff[start..] : diff[start..next];
    }
}
