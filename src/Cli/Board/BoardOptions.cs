namespace DeepDsl.Cli.Board;

/// <summary>Where the board reads runs and where it listens: <see cref="Port"/> 0 takes a free port.</summary>
internal sealed record BoardOptions(string RunsRoot, string Host, int Port)
{
    public const string LoopbackHost = "127.0.0.1";
}
