namespace DeepDsl.Cli.LanguageServer;

/// <summary>A request that cannot be answered: JSON-RPC's error code and a message for the editor's log.</summary>
internal sealed class ResponseError(int code, string message) : Exception(message)
{
    public const int ParseError = -32700;
    public const int InvalidRequest = -32600;
    public const int MethodNotFound = -32601;
    public const int InvalidParams = -32602;
    public const int InternalError = -32603;
    public const int ServerNotInitialized = -32002;

    public int Code { get; } = code;
}
