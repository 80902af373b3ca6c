using System.Collections.Concurrent;

namespace MamBot.Dialogs.Understanding;

/// <summary>
/// The recent answers of a pure function of a text. One typed turn reads its sentence some 25 times (the language,
/// the buttons, the menu's checks, the recognizer's slots) and folds the centre's room names, aliases and contact
/// topics again every turn; with this each distinct text is worked out once. Bounded (some thousand texts of at
/// most 256 characters): when full it starts afresh. Safe from any thread: a race at worst works an answer out
/// twice. Only for answers nobody changes (strings; arrays and sets kept private).
/// </summary>
internal sealed class TextMemo<T>(Func<string, T> compute, int capacity = 1024)
{
    // Longer texts are rare (a pasted letter) and would hold memory for nothing.
    private const int LongestKept = 256;

    private readonly ConcurrentDictionary<string, T> _answers = new(StringComparer.Ordinal);
    private int _kept;

    public T this[string text]
    {
        get
        {
            if (_answers.TryGetValue(text, out var known)) return known;
            var answer = compute(text);
            if (text.Length > LongestKept) return answer;
            if (Interlocked.Increment(ref _kept) > capacity)
            {
                _answers.Clear();
                Interlocked.Exchange(ref _kept, 0);
            }
            _answers.TryAdd(text, answer);
            return answer;
        }
    }
}
