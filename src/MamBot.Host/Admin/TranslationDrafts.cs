using MamBot.Data.Residents;
using MamBot.Dialogs.Staff;

namespace MamBot.Host.Admin;

/// <summary>One Polish text in a panel form with its Ukrainian and English fields: what they hold and how to fill one.</summary>
public sealed record DraftSlot(string? Polish, Func<string, string?> Version, Action<string, string> Fill);

/// <summary>
/// "Szkic tłumaczenia" in the panel's forms: the model drafts the empty Ukrainian and English fields from the
/// Polish ones, one request per language, and the page shows the form again for staff to read and correct.
/// Nothing is saved or sent; fields staff already filled are left as they are.
/// </summary>
public static class TranslationDrafts
{
    /// <summary>What to tell staff: the drafts are in the form, there was nothing to draft, or why not.</summary>
    public static async Task<string> FillAsync(TeamTranslator translator, IReadOnlyList<DraftSlot> slots, CancellationToken ct)
    {
        var drafted = 0;
        foreach (var language in new[] { Languages.Ukrainian, Languages.English })
        {
            var empty = slots.Where(s => !string.IsNullOrWhiteSpace(s.Polish) && string.IsNullOrWhiteSpace(s.Version(language))).ToList();
            if (empty.Count == 0) continue;
            var draft = await translator.DraftAsync([.. empty.Select(s => s.Polish!.Trim())], language, ct);
            if (draft.Texts is not { } texts) return draft.Problem!;
            for (var i = 0; i < empty.Count; i++) empty[i].Fill(language, texts[i]);
            drafted += empty.Count;
        }
        return drafted > 0 ? AdminText.DraftFilled : AdminText.DraftNothingToDo;
    }

    /// <summary>A slot whose two versions are plain properties of a form.</summary>
    public static DraftSlot Slot(string? polish, Func<string?> uk, Action<string> setUk, Func<string?> en, Action<string> setEn) =>
        new(polish, l => l == Languages.Ukrainian ? uk() : en(), (l, text) => (l == Languages.Ukrainian ? setUk : setEn)(text));
}
