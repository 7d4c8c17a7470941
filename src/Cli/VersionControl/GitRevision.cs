namespace DeepDsl.Cli.VersionControl;

/// <summary>
/// Where the files beside a diffed spec (its `extends` chain, its .editorconfig) are read from: a
/// commit, the index (staged content; an untracked file is not there), or the
/// working tree.
/// </summary>
internal sealed record GitRevision(string Name, string? Commit)
{
    public static readonly GitRevision WorkTree = new("the working tree", null);

    public static readonly GitRevision Index = new("the index", null);

    public static GitRevision At(string commit) => new($"commit {commit[..Math.Min(10, commit.Length)]}", commit);

    public override string ToString() => Name;
}
