using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace DeepDsl.Cli.Generation;

/// <summary>A YAML file handed to the generator as an AdditionalText.</summary>
internal sealed class InMemoryAdditionalText(string path, string text) : AdditionalText
{
    public override string Path { get; } = path;

    public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text, System.Text.Encoding.UTF8);
}
