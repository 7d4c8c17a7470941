using System.Diagnostics;

namespace DeepDsl.Processes;

/// <summary>The one way DeepDsl starts a command line: its words as the argument list, with no shell in between to read them.</summary>
public static class ProcessStart
{
    /// <summary>A process of the command line <paramref name="words"/>, its first word the program.</summary>
    public static ProcessStartInfo Of(IReadOnlyList<string> words)
    {
        var start = new ProcessStartInfo(words[0]) { UseShellExecute = false };
        foreach (var word in words.Skip(1)) start.ArgumentList.Add(word);
        return start;
    }
}
