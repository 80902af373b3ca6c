using System.Text.RegularExpressions;

namespace MamBot.Dialogs.Tests.Conversations;

/// <summary>One conversation of a set (format.md): the situation it starts from, then turns and expectations in order.</summary>
internal sealed record ConversationScript(string Set, int Number, string Language, string Title,
    IReadOnlyList<string> Givens, IReadOnlyList<ScriptLine> Lines)
{
    public override string ToString() => $"{Set} #{Number} ({Language}) {Title}";

    /// <summary>Reads every conversation of a set file; lines of any other form are comments.</summary>
    public static IReadOnlyList<ConversationScript> Read(string path)
    {
        var set = Path.GetFileName(path).Replace(".conversations.md", "");
        var scripts = new List<ConversationScript>();
        (int Number, string Language, string Title)? head = null;
        List<string> givens = [];
        List<ScriptLine> lines = [];
        void Close()
        {
            if (head is { } h) scripts.Add(new(set, h.Number, h.Language, h.Title, givens, lines));
            (givens, lines) = ([], []);
        }

        var number = 0;
        foreach (var raw in File.ReadLines(path))
        {
            number++;
            var line = raw.Trim();
            if (Heading.Match(line) is { Success: true } m)
            {
                Close();
                head = (int.Parse(m.Groups[1].Value), m.Groups[2].Value, m.Groups[3].Value.Trim());
            }
            else if (head is null) continue;
            else if (line.StartsWith("given:", StringComparison.Ordinal)) givens.Add(line[6..].Trim());
            else if (line.StartsWith("- R:", StringComparison.Ordinal)) lines.Add(Turn(line[4..].Trim(), number));
            else if (line.StartsWith("expect:", StringComparison.Ordinal))
            {
                var what = line[7..].Trim();
                var colon = what.IndexOf(':');
                lines.Add(colon < 0
                    ? new Expectation(what, "", number)
                    : new Expectation(what[..colon].Trim(), what[(colon + 1)..].Trim(), number));
            }
        }
        Close();
        return scripts;
    }

    private static ScriptLine Turn(string text, int line)
    {
        // "(while waiting for a person) видаліть…": a stage direction for the reader, not typed.
        text = StageDirection.Replace(text, "").Trim();
        return text.StartsWith('[') && text.EndsWith(']') ? new Press(text[1..^1].Trim(), line) : new Says(text, line);
    }

    private static readonly Regex Heading = new(@"^###\s+(\d+)\s+(pl|uk|en|ru)\s+(.*)$");
    private static readonly Regex StageDirection = new(@"^\([^)]*\)\s*");
}

internal abstract record ScriptLine(int Line);

internal sealed record Says(string Text, int Line) : ScriptLine(Line);

internal sealed record Press(string Title, int Line) : ScriptLine(Line);

internal sealed record Expectation(string What, string Argument, int Line) : ScriptLine(Line)
{
    public override string ToString() => Argument.Length == 0 ? What : $"{What}: {Argument}";
}
