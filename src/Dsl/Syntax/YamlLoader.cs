using System;
using System.Collections.Generic;
using System.IO;
using DeepDsl.Dsl.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace DeepDsl.Dsl.Syntax;

/// <summary>
/// Reads one YAML document into a <see cref="YNode"/> tree with positions. Never throws on input:
/// syntax errors, duplicate keys, oversized files and runaway aliases (billion laughs) become
/// diagnostics. Aliases share the anchored node; their expanded size is bounded.
/// </summary>
public static class YamlLoader
{
    public const int MaxFileChars = 1_000_000;
    public const long MaxExpandedNodes = 100_000;

    /// <summary>
    /// How deep mappings and lists may nest. A spec needs about ten levels; the limit is checked before
    /// each level is read, so no input can drive this loader, or any stage that walks its tree, into a stack overflow.
    /// </summary>
    public const int MaxNesting = 64;

    public static YNode? Load(string file, string text, List<DslDiagnostic> diagnostics)
    {
        if (text.Length > MaxFileChars)
        {
            diagnostics.Add(new DslDiagnostic(Descriptors.FileTooLarge.Id, DiagnosticSeverity.Error,
                $"{file} has {text.Length:N0} characters; spec files are limited to {MaxFileChars:N0}.", SourceLocation.StartOf(file)));
            return null;
        }
        var reader = new Reader(file, text, diagnostics);
        try
        {
            return reader.Document();
        }
        catch (YamlException error)
        {
            diagnostics.Add(new DslDiagnostic(Descriptors.YamlSyntax.Id, DiagnosticSeverity.Error,
                $"YAML syntax error: {Clean(error.Message)}", reader.Locate(error.Start, error.End)));
            return null;
        }
        catch (Exception error) when (error is InvalidOperationException or ArgumentException or FormatException or OverflowException)
        {
            // YamlDotNet's scanner throws these, not YamlException, on some malformed input (found by fuzzing).
            diagnostics.Add(new DslDiagnostic(Descriptors.YamlSyntax.Id, DiagnosticSeverity.Error,
                "YAML syntax error: the text cannot be read as YAML here (check quotes, brackets and indentation)", reader.Here()));
            return null;
        }
        catch (NestingLimitException limit)
        {
            diagnostics.Add(new DslDiagnostic(Descriptors.NestingTooDeep.Id, DiagnosticSeverity.Error,
                $"YAML nested more than {MaxNesting} levels deep here; a spec needs far fewer.", limit.Location));
            return null;
        }
        catch (ExpansionLimitException limit)
        {
            diagnostics.Add(new DslDiagnostic(Descriptors.AliasExpansion.Id, DiagnosticSeverity.Error,
                $"YAML aliases expand to more than {MaxExpandedNodes:N0} nodes; a spec needs far fewer (is this a 'billion laughs' file?).", limit.Location));
            return null;
        }
    }

    private static string Clean(string message)
    {
        // YamlDotNet prefixes messages with "(Line: 3, Col: 5, Idx: 20) - (…): "; the location is reported separately.
        var index = message.LastIndexOf("): ", StringComparison.Ordinal);
        return index >= 0 && message.StartsWith("(", StringComparison.Ordinal) ? message.Substring(index + 3) : message;
    }

    private sealed class ExpansionLimitException(SourceLocation location) : Exception
    {
        public SourceLocation Location { get; } = location;
    }

    private sealed class NestingLimitException(SourceLocation location) : Exception
    {
        public SourceLocation Location { get; } = location;
    }

    private sealed class Reader
    {
        private readonly string file;
        private readonly List<DslDiagnostic> diagnostics;
        private readonly IParser parser;
        private readonly Dictionary<string, YNode> anchors = new Dictionary<string, YNode>(StringComparer.Ordinal);

        public Reader(string file, string text, List<DslDiagnostic> diagnostics)
        {
            this.file = file;
            this.diagnostics = diagnostics;
            parser = new Parser(new StringReader(text));
        }

        public YNode? Document()
        {
            parser.Consume<StreamStart>();
            if (parser.TryConsume<StreamEnd>(out _)) return null;
            parser.Consume<DocumentStart>();
            var root = parser.Accept<DocumentEnd>(out _) ? null : Node("", 0);
            parser.Consume<DocumentEnd>();
            if (!parser.Accept<StreamEnd>(out _))
            {
                var next = parser.Current!;
                diagnostics.Add(new DslDiagnostic(Descriptors.YamlSyntax.Id, DiagnosticSeverity.Error,
                    "a spec is one YAML document; remove the second '---' document", Locate(next.Start, next.End)));
            }
            return root;
        }

        // path: the key path of the node (data.validation, model.layers[2]), for messages.
        private YNode Node(string path, int depth)
        {
            if (depth > MaxNesting && parser.Current is { } opening and (SequenceStart or MappingStart))
                throw new NestingLimitException(Locate(opening.Start, opening.End));
            if (parser.TryConsume<AnchorAlias>(out var alias))
            {
                if (!anchors.TryGetValue(alias.Value.Value, out var target))
                    throw new YamlException(alias.Start, alias.End, $"the alias *{alias.Value.Value} refers to no anchor defined before it");
                return target;
            }
            YNode node;
            string? anchor;
            if (parser.TryConsume<Scalar>(out var scalar))
            {
                anchor = scalar.Anchor.IsEmpty ? null : scalar.Anchor.Value;
                node = new YScalar(scalar.Value, scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted or ScalarStyle.Literal or ScalarStyle.Folded,
                    Locate(scalar.Start, scalar.End));
            }
            else if (parser.TryConsume<SequenceStart>(out var sequenceStart))
            {
                anchor = sequenceStart.Anchor.IsEmpty ? null : sequenceStart.Anchor.Value;
                var items = new List<YNode>();
                while (!parser.TryConsume<SequenceEnd>(out _)) items.Add(Node($"{path}[{items.Count}]", depth + 1));
                node = new YSequence(items, Locate(sequenceStart.Start, sequenceStart.End));
            }
            else
            {
                var mappingStart = parser.Consume<MappingStart>();
                anchor = mappingStart.Anchor.IsEmpty ? null : mappingStart.Anchor.Value;
                var entries = new List<KeyValuePair<YScalar, YNode>>();
                var seen = new Dictionary<string, YScalar>(StringComparer.Ordinal);
                while (!parser.TryConsume<MappingEnd>(out _))
                {
                    var keyNode = Node(path, depth + 1);
                    var value = Node(keyNode is YScalar named ? Join(path, named.Text) : path, depth + 1);
                    if (keyNode is not YScalar key)
                    {
                        diagnostics.Add(new DslDiagnostic(Descriptors.WrongType.Id, DiagnosticSeverity.Error,
                            "mapping keys must be plain names, not lists or mappings", keyNode.Location));
                        continue;
                    }
                    if (seen.TryGetValue(key.Text, out var first))
                    {
                        diagnostics.Add(new DslDiagnostic(Descriptors.DuplicateKey.Id, DiagnosticSeverity.Error,
                            $"duplicate key: {Quoted.Bare(Join(path, key.Text))} is already set on line {first.Location.StartLine + 1}; YAML would silently keep only one, so remove one of them",
                            key.Location));
                        continue;
                    }
                    seen[key.Text] = key;
                    entries.Add(new KeyValuePair<YScalar, YNode>(key, value));
                }
                node = new YMapping(entries, Locate(mappingStart.Start, mappingStart.End));
            }
            if (node.ExpandedSize > MaxExpandedNodes) throw new ExpansionLimitException(node.Location);
            if (anchor is not null) anchors[anchor] = node;
            return node;
        }

        private static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";

        /// <summary>Where the parser stopped: its current event, or the start of the file.</summary>
        public SourceLocation Here() => parser.Current is { } current ? Locate(current.Start, current.End) : SourceLocation.StartOf(file);

        public SourceLocation Locate(Mark start, Mark end)
        {
            var startIndex = (int)Math.Max(0, start.Index);
            var endIndex = (int)Math.Max(startIndex, end.Index);
            return new SourceLocation(file, startIndex, endIndex - startIndex,
                (int)Math.Max(0, start.Line - 1), (int)Math.Max(0, start.Column - 1), (int)Math.Max(0, end.Line - 1), (int)Math.Max(0, end.Column - 1));
        }
    }
}
