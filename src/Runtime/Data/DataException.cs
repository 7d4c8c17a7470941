namespace DeepDsl.Data;

/// <summary>Data that is missing or malformed; the message is one paragraph naming the file and what was expected.</summary>
public sealed class DataException(string message) : Exception(message);
