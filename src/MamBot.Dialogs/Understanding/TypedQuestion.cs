namespace MamBot.Dialogs.Understanding;

/// <summary>
/// Whether a typed text asks something rather than answers: it ends with "?" or opens with a question word
/// ("czy", "ile", "чи", "how"…, <see cref="TypedWords.QuestionOpeners"/>). A step waiting for a free text uses it
/// so "a ile kosztuje sala" is answered, not saved as the resident's answer.
/// </summary>
public static class TypedQuestion
{
    public static bool Is(string? text) =>
        !string.IsNullOrWhiteSpace(text) && (text.TrimEnd().EndsWith('?') || TypedWords.QuestionOpeners.Opens(text));
}
