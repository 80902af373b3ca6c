using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Html;

namespace MamBot.Host.Admin;

/// <summary>Phone numbers in the panel as tel: links: one tap calls from a phone.</summary>
public static partial class PhoneLink
{
    /// <summary>"600 100 200" as a link calling 600100200; empty when there is no number.</summary>
    public static IHtmlContent Of(string? phone) => Within(phone ?? "", phone);

    /// <summary><paramref name="text"/> with the first <paramref name="phone"/> in it as a link, the rest plain.</summary>
    public static IHtmlContent Within(string text, string? phone)
    {
        var number = phone?.Trim() ?? "";
        var dial = NotDialled().Replace(number, "");
        var at = number.Length == 0 ? -1 : text.IndexOf(number, StringComparison.Ordinal);
        if (at < 0 || dial.Trim('+').Length < 3) return new HtmlString(HtmlEncoder.Default.Encode(text));
        var encode = HtmlEncoder.Default;
        var link = $"<a href=\"tel:{encode.Encode(dial)}\">{encode.Encode(number)}</a>";
        return new HtmlString(encode.Encode(text[..at]) + link + encode.Encode(text[(at + number.Length)..]));
    }

    /// <summary>What a dialler does not take: spaces, dashes, brackets, words.</summary>
    [GeneratedRegex("[^0-9+]")]
    private static partial Regex NotDialled();
}
