using System.Net;
using System.Net.Sockets;

namespace DeepDsl.Cli.Tests.Board;

/// <summary>`deepdsl board`'s own errors: one line and its exit code, no stack trace, and no board left listening.</summary>
public sealed class BoardCommandTests : IDisposable
{
    private readonly BoardRunsFolder folder = new();

    [Fact]
    public void A_host_that_is_not_an_address_is_a_usage_error()
    {
        var result = DeepDslProcess.Run(folder.Folder, "board", "--host", "example.com");
        Assert.True(result.Exit == 2, result.ToString());
        Assert.Contains("--host example.com: give an IP address", result.Error);
        DeepDslProcess.AssertNoStackTrace(result);
    }

    [Fact]
    public void A_port_that_is_taken_is_one_line_saying_so()
    {
        var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        try
        {
            var port = ((IPEndPoint)taken.LocalEndpoint).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var result = DeepDslProcess.Run(folder.Folder, "board", "--port", port);
            DeepDslProcess.AssertUserError(result, port);
        }
        finally
        {
            taken.Stop();
        }
    }

    public void Dispose() => folder.Dispose();
}
