using System.Text.Encodings.Web;
using System.Text.Unicode;
using System.Text.RegularExpressions;
using MamBot.Data.Residents;
using MamBot.Dialogs.Texts;

namespace MamBot.Host.Channels.WebChat;

/// <summary>
/// The chat page's own words (title, "Wyślij", the note that this is a program) in the resident's language: the
/// one chosen in the chat (remembered by the page in a cookie), Polish before that. The page marks them
/// <c>{{WebChatSend}}</c>; the texts are the dialogs' resources, in all three languages.
/// </summary>
public static partial class ChatPageTexts
{
    public const string Cookie = "mambot.lang";

    // Letters as they are (ł, ї), markup characters escaped.
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    public static string LanguageOf(HttpRequest request) =>
        Languages.Match(request.Cookies[Cookie]) ?? Languages.Polish;

    public static string Render(string page, string language)
    {
        var culture = Language.CultureOf(language);
        return Marker().Replace(page, m => m.Groups[1].Value == "lang"
            ? language
            : Html.Encode(T.ResourceManager.GetString(m.Groups[1].Value, culture)
                ?? throw new InvalidOperationException($"The chat page names an unknown text '{m.Groups[1].Value}'.")));
    }

    /// <summary>Every text the page names, in the language, for the page to change its words without reloading.</summary>
    public static IReadOnlyDictionary<string, string> For(string page, string language)
    {
        var culture = Language.CultureOf(language);
        return Marker().Matches(page).Select(m => m.Groups[1].Value).Where(key => key != "lang").Distinct()
            .ToDictionary(key => key, key => T.ResourceManager.GetString(key, culture)!);
    }

    [GeneratedRegex(@"\{\{(\w+)\}\}")]
    private static partial Regex Marker();
}
