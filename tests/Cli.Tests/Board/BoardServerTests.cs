using DeepDsl.Cli.Board;
using Microsoft.Extensions.Hosting;

namespace DeepDsl.Cli.Tests.Board;

/// <summary>
/// The board runs as Production whatever ASPNETCORE_ENVIRONMENT says: Development would turn on ASP.NET's developer exception
/// page, which answers an error with its stack trace.
/// </summary>
public sealed class BoardServerTests
{
    [Fact]
    public async Task The_board_is_production_even_when_the_environment_says_development()
    {
        const string Variable = "ASPNETCORE_ENVIRONMENT";
        var before = Environment.GetEnvironmentVariable(Variable);
        Environment.SetEnvironmentVariable(Variable, Environments.Development);
        try
        {
            await using var app = BoardServer.Build(new BoardOptions(Path.GetTempPath(), BoardOptions.LoopbackHost, 0));
            Assert.Equal(Environments.Production, app.Environment.EnvironmentName);
        }
        finally
        {
            Environment.SetEnvironmentVariable(Variable, before);
        }
    }
}
