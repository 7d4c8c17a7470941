using System.Text;

namespace DeepDsl.Cli.Tests.LanguageServer;

/// <summary>
/// Seeded random edits of a set of texts, as a careless typist makes them: characters and YAML punctuation inserted, words swapped for others,
/// ranges and lines deleted, replaced and duplicated — and often undone, or the whole text restored, so the texts keep
/// moving between broken and valid YAML instead of drifting into noise. Offsets never split a surrogate pair or a
/// \r\n (an editor's positions never do).
/// </summary>
public sealed class RandomEdits(int seed, IReadOnlyDictionary<string, string> originals)
{
    /// <summary>One change: replace <see cref="Length"/> characters at <see cref="Start"/> of <see cref="Path"/> by <see cref="Text"/>.</summary>
    public sealed record Edit(string Path, int Start, int Length, string Text);

    // Pieces that mean something to YAML or to DDSL, so edits reach the language's rules and not only the parser's.
    private static readonly string[] Fragments =
    [
        " ", "  ", "\n", "\n  ", "\r\n", "\r", "- ", ":", ": ", "{", "}", "[", "]", ",", "#", "\"", "'", "&a ", "*a", "!!str ", "|", ">", "\t", "?",
        "%", "@", "`", "0", "7", "-1", "1e9", "0.5", "null", "~", "true", "é", "😀", "\u0007",
        "selu", "elu", "relu", "he_normal", "lecun_normal", "glorot_uniform", "dense", "conv2d", "alpha_dropout", "dropout: 0.5",
        "units: ", "activation: ", "kernel_init: ", "momentum: 0.99999", "repeat: ", "layers:", "name: ", "extends: ",
        "base.yaml", "selu.yaml", "one-cycle.yaml", "missing.yaml", "../outside.yaml", "/etc/passwd", "batch_norm",
        "optimizer: { sgd: { learning_rate: 0.1 } }", "epochs: 0", "input: [3, 32, 32]", "sweep:", "standardize: true",
    ];

    // Words a spec's values are made of: swapped for a word of the text, they keep the YAML valid and reach the rules
    // (SELU and initialization, dropout, momentum, losses, outputs, extends, shapes).
    private static readonly string[] Words =
    [
        "selu", "relu", "elu", "tanh", "sigmoid", "softmax", "he_normal", "lecun_normal", "lecun_uniform", "glorot_uniform", "zeros",
        "alpha_dropout", "dropout", "batch_norm", "dense", "conv2d", "flatten", "nadam", "sgd", "adam", "momentum", "nesterov",
        "0", "1", "3", "10", "100", "0.99999", "-3", "1e-3", "true", "false", "null", "base.yaml", "selu.yaml", "one-cycle.yaml",
        "cnn.yaml", "../outside.yaml", "cifar10", "same", "valid", "val_accuracy", "val_loss", "binary_crossentropy",
        "sparse_categorical_crossentropy", "standardize", "l2", "max_norm", "mc_dropout", "one_cycle", "units", "filters",
    ];

    // Words of one kind: one swapped for its kin keeps the spec well-formed and often breaks exactly one rule
    // (he_normal in a SELU layer, a base that is missing, outside the project or extends its dependent).
    private static readonly string[][] Kin =
    [
        ["selu", "relu", "elu", "tanh", "sigmoid", "softmax"],
        ["he_normal", "lecun_normal", "lecun_uniform", "glorot_uniform", "zeros"],
        ["base.yaml", "selu.yaml", "alpha-dropout.yaml", "one-cycle.yaml", "cnn.yaml", "missing.yaml", "../outside.yaml", "/etc/passwd"],
        ["alpha_dropout", "dropout", "batch_norm"],
        ["nadam", "sgd", "adam"],
        ["true", "false"],
    ];

    private readonly Random random = new(seed);
    private readonly string[] paths = [.. originals.Keys.Order(StringComparer.Ordinal)];
    private readonly Dictionary<string, string> texts = new(originals);
    private readonly Dictionary<string, Stack<Edit>> undo = originals.Keys.ToDictionary(p => p, _ => new Stack<Edit>());

    public string Text(string path) => texts[path];

    /// <summary>A randomly chosen text to edit next.</summary>
    public string Pick() => paths[random.Next(paths.Length)];

    /// <summary>The next edit of <paramref name="path"/>, already applied to <see cref="Text"/>.</summary>
    public Edit NextOf(string path)
    {
        var text = texts[path];
        var roll = random.Next(100);
        if (roll < 3)
        {
            undo[path].Clear();
            return Apply(new Edit(path, 0, text.Length, originals[path])); // restore the file, in one range edit
        }
        if (roll < 50 && undo[path].TryPop(out var inverse))
        {
            if (!Splits(text, inverse.Start) && !Splits(text, inverse.Start + inverse.Length)) return Apply(inverse);
            undo[path].Clear(); // a lone \r typed before a \n made them one line break: no editor can undo across it
        }
        var edit = Fresh(path, text);
        undo[path].Push(new Edit(path, edit.Start, edit.Text.Length, text.Substring(edit.Start, edit.Length)));
        return Apply(edit);
    }

    private Edit Fresh(string path, string text)
    {
        switch (random.Next(12))
        {
            case 9: case 10: case 11: // swap a word for any other
            {
                var words = WordsOf(text).ToList();
                if (words.Count == 0) goto case 0;
                var word = words[random.Next(words.Count)];
                return new Edit(path, word.Index, word.Length, Words[random.Next(Words.Length)]);
            }
            case 6: case 7: case 8: // swap a word for one of its kin
            {
                var known = WordsOf(text).Where(w => Kin.Any(k => k.Contains(w.Value))).ToList();
                if (known.Count == 0) goto case 9;
                var word = known[random.Next(known.Count)];
                var kin = Kin.First(k => k.Contains(word.Value));
                return new Edit(path, word.Index, word.Length, kin[random.Next(kin.Length)]);
            }
            case 0: // insert a few pieces
                return new Edit(path, Offset(text), 0, Pieces(1 + random.Next(3)));
            case 1: // delete a short range
            {
                var start = Offset(text);
                return new Edit(path, start, End(text, start, random.Next(1, 12)) - start, "");
            }
            case 2: // replace a short range
            {
                var start = Offset(text);
                return new Edit(path, start, End(text, start, random.Next(1, 8)) - start, Pieces(1));
            }
            case 3: // delete whole lines
            {
                var (start, end) = Lines(text, 1 + random.Next(3));
                return new Edit(path, start, end - start, "");
            }
            case 4: // duplicate a line below itself
            {
                var (start, end) = Lines(text, 1);
                return new Edit(path, end, 0, text[start..end] + (end == text.Length ? "\n" : ""));
            }
            default: // a random character, of any kind the JSON carries
                return new Edit(path, Offset(text), 0, ((char)random.Next(0x20, 0x250)).ToString());
        }
    }

    private Edit Apply(Edit edit)
    {
        var text = texts[edit.Path];
        texts[edit.Path] = string.Concat(text.AsSpan(0, edit.Start), edit.Text, text.AsSpan(edit.Start + edit.Length));
        return edit;
    }

    private string Pieces(int count)
    {
        var text = new StringBuilder();
        for (var i = 0; i < count; i++) text.Append(Fragments[random.Next(Fragments.Length)]);
        return text.ToString();
    }

    private static IEnumerable<System.Text.RegularExpressions.Match> WordsOf(string text) =>
        System.Text.RegularExpressions.Regex.Matches(text, @"[A-Za-z0-9_.\-/]+");

    private int Offset(string text) => Whole(text, random.Next(text.Length + 1));

    private static int End(string text, int start, int length) => Whole(text, Math.Min(text.Length, start + length));

    // An offset an editor could send: moved past the low surrogate of a pair, or the \n of a \r\n, it would split.
    private static int Whole(string text, int offset) => Splits(text, offset) ? offset + 1 : offset;

    private static bool Splits(string text, int offset) =>
        offset > 0 && offset < text.Length && (char.IsHighSurrogate(text[offset - 1]) && char.IsLowSurrogate(text[offset]) || text[offset - 1] == '\r' && text[offset] == '\n');

    // `count` whole lines from a random one (with their line breaks).
    private (int Start, int End) Lines(string text, int count)
    {
        var start = text.Length == 0 ? 0 : text.LastIndexOf('\n', Math.Max(0, random.Next(text.Length) - 1)) + 1;
        var end = start;
        for (var i = 0; i < count && end < text.Length; i++)
        {
            var next = text.IndexOf('\n', end);
            end = next < 0 ? text.Length : next + 1;
        }
        return (start, end);
    }
}
