using System.Text.Json;
using DeepDsl.IO;

namespace DeepDsl.Runs.Records;

/// <summary>
/// The one door through which a JSON record of a run or sweep folder (summary.json, sweep.json, asha.json) comes back in:
/// read with a size cap, deserialized strictly (a field that may not be null must not be; a field without a default must
/// be there), then checked by the record's own validator. Run and sweep folders are shared and committed, so whatever
/// is wrong — bad JSON, a wrong type, a number out of range, a field the validator refuses — is a <see cref="RunException"/>
/// whose one line names the file and what is wrong, never an exception from deep inside a command.
/// </summary>
public static class RecordJson
{
    /// <summary>How records are read: <see cref="RunJson.Options"/>, and strict about nulls and missing fields.</summary>
    public static readonly JsonSerializerOptions ReadOptions = new(RunJson.Options)
    {
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    /// <summary>The most bytes read of one record of a run or sweep folder (a spec, a summary, a CSV of epochs, sweep.json): anything larger is not one of ours.</summary>
    public const long MaxBytes = 64 << 20;

    /// <summary>Reads <paramref name="file"/> as a <typeparamref name="T"/> that <paramref name="problem"/> finds sound.</summary>
    /// <exception cref="RunException">The file is not such a record; the message names it.</exception>
    public static T Read<T>(string file, Func<T, string?> problem, JsonSerializerOptions? options = null) where T : class
    {
        T? record;
        try
        {
            record = JsonSerializer.Deserialize<T>(PathGuard.ReadFile(file, MaxBytes), options ?? ReadOptions);
        }
        catch (Exception error) when (error is JsonException or NotSupportedException)
        {
            throw new RunException($"{file} is damaged: {error.Message}", error);
        }
        if (record is null) throw new RunException($"{file} is damaged: it holds null, not a record.");
        if (problem(record) is { } wrong) throw new RunException($"{file} is damaged: {wrong}.");
        return record;
    }
}
