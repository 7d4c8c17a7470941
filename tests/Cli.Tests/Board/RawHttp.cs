using System.Net.Sockets;
using System.Text;

namespace DeepDsl.Cli.Tests.Board;

/// <summary>
/// A GET sent byte for byte as written: HttpClient (Uri) would resolve `../` and re-encode the path before sending, and the
/// point is to send what an attacker sends.
/// </summary>
public static class RawHttp
{
    public static (int Status, string Body) Get(Uri server, string path)
    {
        var (status, _, body) = Get(server, path, server.Host);
        return (status, body);
    }

    /// <summary>The answer's status, header lines and body, asking as <paramref name="host"/> (the Host header).</summary>
    public static (int Status, string Headers, string Body) Get(Uri server, string path, string host)
    {
        using var client = new TcpClient(server.Host, server.Port);
        using var stream = client.GetStream();
        // HTTP/1.0: the answer comes whole, not in chunks.
        var request = $"GET {path} HTTP/1.0\r\nHost: {host}:{server.Port}\r\nConnection: close\r\n\r\n";
        stream.Write(Encoding.ASCII.GetBytes(request));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var answer = reader.ReadToEnd();
        var status = int.Parse(answer.Split(' ', 3)[1], System.Globalization.CultureInfo.InvariantCulture);
        var end = answer.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        return end < 0 ? (status, answer, "") : (status, answer[..end], answer[(end + 4)..]);
    }
}
