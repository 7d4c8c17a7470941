namespace DeepDsl.Cli.Tests.Board;

/// <summary>A temporary folder with specs and a runs folder holding runs made by `deepdsl run` (and sweeps recorded by `deepdsl lr-find`) on tiny specs.</summary>
public sealed class BoardRunsFolder : IDisposable
{
    public BoardRunsFolder()
    {
        Folder = Directory.CreateTempSubdirectory("deepdsl-board-").FullName;
        Runs = Path.Combine(Folder, "runs");
    }

    public string Folder { get; }

    public string Runs { get; }

    /// <summary>Runs <paramref name="spec"/> (YAML text, saved as NAME.yaml) to its end and returns its run folder.</summary>
    public string Run(string name, string spec)
    {
        var file = Path.Combine(Folder, name + ".yaml");
        File.WriteAllText(file, spec);
        var result = DeepDslProcess.Run(Folder, ["run", file, "--runs", Runs]);
        Assert.True(result.Exit == 0, result.ToString());
        return Directory.GetDirectories(Path.Combine(Runs, name)).Single();
    }

    /// <summary>Runs `deepdsl lr-find --method fastai` on <paramref name="spec"/> (saved as NAME.yaml) and returns its record's folder.</summary>
    public string LrFind(string name, string spec)
    {
        var file = Path.Combine(Folder, name + ".yaml");
        File.WriteAllText(file, spec);
        var result = DeepDslProcess.Run(Folder, ["lr-find", file, "--method", "fastai", "--runs", Runs]);
        Assert.True(result.Exit == 0, result.ToString());
        return Directory.GetDirectories(Path.Combine(Runs, name, "lr-find")).Single();
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
