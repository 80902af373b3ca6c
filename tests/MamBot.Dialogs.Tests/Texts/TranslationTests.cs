using System.Collections;
using System.Globalization;
using System.Text.RegularExpressions;
using MamBot.Data.Residents;
using MamBot.Dialogs.Bookings;
using MamBot.Dialogs.Texts;

namespace MamBot.Dialogs.Tests.Texts;

/// <summary>
/// Every text a resident reads exists in Polish, Ukrainian and English, as built (the satellite assemblies), with
/// the same placeholders and each language's own plural forms; grammar follows the language spoken.
/// </summary>
public sealed partial class TranslationTests
{
    /// <summary>Texts that stay as they are in every language: the team's own messages and printed matter (Polish,
    /// the centre's working language), and the language names themselves. Residents read a few of them too (the pointer
    /// in a Telegram group, "Zespół" for a team member without a name), but they
    /// are composed where no resident's language is in use, so they stay Polish until that code chooses one.</summary>
    private static bool SameInEveryLanguage(string key) =>
        key.StartsWith("Staff", StringComparison.Ordinal) || key.StartsWith("ButtonStaff", StringComparison.Ordinal)
        || key.StartsWith("LlmSummary", StringComparison.Ordinal) || key.StartsWith("Summary", StringComparison.Ordinal)
        || key.StartsWith("Poster", StringComparison.Ordinal)
        || key is "LanguageNames" or "ButtonLanguages" or "GroupPointer" or "SomeoneWithoutName"
            or "HandoffMarker" or "BroadcastTooShort" or "BroadcastTooLong" or "BroadcastInThePast"
            or "BroadcastNeedsCategory" or "BroadcastNeedsEvent" or "BroadcastNobody";

    private static Dictionary<string, string> TextsIn(string language)
    {
        var culture = language == Languages.Polish ? CultureInfo.InvariantCulture : CultureInfo.GetCultureInfo(language);
        var set = T.ResourceManager.GetResourceSet(culture, createIfNotExists: true, tryParents: false)
            ?? throw new InvalidOperationException($"No texts built for '{language}'.");
        return set.Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string)e.Value!);
    }

    public static TheoryData<string> OtherLanguages => [Languages.Ukrainian, Languages.English];

    [Theory]
    [MemberData(nameof(OtherLanguages))]
    public void Every_text_a_resident_reads_exists_with_the_same_placeholders(string language)
    {
        var polish = TextsIn(Languages.Polish);
        var translated = TextsIn(language);

        var missing = polish.Keys.Where(k => !SameInEveryLanguage(k) && !translated.ContainsKey(k)).Order().ToList();
        Assert.True(missing.Count == 0, $"Texts missing in '{language}': {string.Join(", ", missing)}");
        var unknown = translated.Keys.Where(k => !polish.ContainsKey(k) || SameInEveryLanguage(k)).ToList();
        Assert.True(unknown.Count == 0, $"Texts in '{language}' that Polish lacks or that must not be translated: {string.Join(", ", unknown)}");
        foreach (var (key, text) in translated)
            Assert.True(Placeholders(polish[key]).SequenceEqual(Placeholders(text)), $"{key} in '{language}' has other placeholders: {text}");
    }

    [Theory]
    [InlineData("pl", 3)]
    [InlineData("uk", 3)]
    [InlineData("en", 2)]
    public void Plural_forms_and_name_lists_have_the_length_each_language_needs(string language, int forms)
    {
        var texts = TextsIn(language);

        foreach (var (key, text) in texts.Where(t => t.Key.EndsWith("Forms", StringComparison.Ordinal)))
            Assert.True(text.Split('|').Length == forms, $"{key} in '{language}' needs {forms} forms: {text}");
        foreach (var key in new[] { "DayNames", "DayNamesAccusative", "DayNamesGenitive", "DayNamesWithPreposition", "DayNamesShort" })
            Assert.Equal(7, texts[key].Split('|').Length);
        Assert.Equal(12, texts["MonthNamesGenitive"].Split('|').Length);
    }

    [Theory]
    [InlineData("pl")]
    [InlineData("uk")]
    [InlineData("en")]
    public void Buttons_fit_messenger_and_telegram(string language)
    {
        // Messenger's quick replies take 20 characters; titles with a placeholder are checked where they are filled.
        var buttons = TextsIn(language).Where(t => (t.Key.StartsWith("Button", StringComparison.Ordinal) || t.Key.StartsWith("Menu", StringComparison.Ordinal)
            || t.Key.StartsWith("Category", StringComparison.Ordinal) || t.Key.StartsWith("ForWhom", StringComparison.Ordinal))
            && !t.Value.Contains('{') && t.Key is not "MenuQuestion" and not "MenuWelcomeBack");
        Assert.All(buttons, b => Assert.True(b.Value.Length <= 20, $"{b.Key} in '{language}' is {b.Value.Length} characters: {b.Value}"));
    }

    [Theory]
    [InlineData("pl", 1, "1 osoba")]
    [InlineData("pl", 3, "3 osoby")]
    [InlineData("pl", 5, "5 osób")]
    [InlineData("pl", 12, "12 osób")]
    [InlineData("pl", 21, "21 osób")]
    [InlineData("pl", 22, "22 osoby")]
    [InlineData("uk", 1, "1 особа")]
    [InlineData("uk", 2, "2 особи")]
    [InlineData("uk", 5, "5 осіб")]
    [InlineData("uk", 11, "11 осіб")]
    [InlineData("uk", 14, "14 осіб")]
    [InlineData("uk", 21, "21 особа")]
    [InlineData("uk", 22, "22 особи")]
    [InlineData("uk", 111, "111 осіб")]
    [InlineData("en", 0, "0 people")]
    [InlineData("en", 1, "1 person")]
    [InlineData("en", 21, "21 people")]
    public void Counts_follow_the_plural_rule_of_the_language_spoken(string language, int n, string expected)
    {
        using var speaking = Language.Use(language);
        Assert.Equal(expected, Wording.Count(n, T.PeopleForms));
    }

    [Theory]
    [InlineData("pl", 90, "1,5 godz.")]
    [InlineData("uk", 90, "1,5 год")]
    [InlineData("en", 90, "1.5 h")]
    [InlineData("en", 120, "2 h")]
    public void Lengths_on_buttons_write_the_decimal_mark_of_the_language_spoken(string language, int minutes, string expected)
    {
        using var speaking = Language.Use(language);
        Assert.Equal(expected, BookingSlots.LengthButton(minutes));
    }

    [Theory]
    [InlineData("pl", "piątek, 11 grudnia, 18:00")]
    [InlineData("uk", "пʼятниця, 11 грудня, 18:00")]
    [InlineData("en", "Friday 11 December, 18:00")]
    public void Dates_read_as_each_language_writes_them(string language, string expected)
    {
        using var speaking = Language.Use(language);
        Assert.Equal(expected, Wording.DateTime(new DateTime(2026, 12, 11, 17, 0, 0, DateTimeKind.Utc), TimeZoneInfo.FindSystemTimeZoneById("Europe/Warsaw")));
    }

    [Fact]
    public void Polish_is_spoken_whatever_the_servers_locale()
    {
        using (Language.Use(Languages.English)) Assert.Equal("Book a room", T.MenuBook);
        Assert.Equal("Zarezerwuj salę", T.MenuBook);
        var server = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en-US");
        try
        {
            using (Language.Use(null)) Assert.Equal("Zarezerwuj salę", T.MenuBook); // a turn of a resident who never chose
        }
        finally
        {
            CultureInfo.CurrentUICulture = server;
        }
    }

    private static List<string> Placeholders(string text) =>
        [.. Placeholder().Matches(text).Select(m => m.Value).Distinct().Order(StringComparer.Ordinal)];

    [GeneratedRegex(@"(?<!\{)\{\d+\}(?!\})")]
    private static partial Regex Placeholder();
}
