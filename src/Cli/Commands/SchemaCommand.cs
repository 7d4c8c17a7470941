using System.CommandLine;
using DeepDsl.Cli.Errors;
using DeepDsl.Dsl.Schema;

namespace DeepDsl.Cli.Commands;

/// <summary>deepdsl schema [--out FILE]: the JSON Schema of the language, generated from the schema the parser uses.</summary>
internal static class SchemaCommand
{
    public static Command Create()
    {
        var output = new Option<string?>("--out") { Description = "Write to this file instead of standard output" };
        var markdown = new Option<bool>("--markdown") { Description = "The reference tables of docs/language.md instead" };
        var command = new Command("schema", "Print the JSON Schema of the experiment language.") { output, markdown };
        command.SetAction(parse =>
        {
            var schema = parse.GetValue(markdown) ? LanguageReference.Markdown() : JsonSchemaWriter.Write();
            if (parse.GetValue(output) is { } path) IO.AtomicFile.WriteAllText(path, schema);
            else System.Console.Write(schema);
            return ExitCodes.Ok;
        });
        return command;
    }
}
