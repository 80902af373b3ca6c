using System.Globalization;
using MamBot.Data.Residents;

namespace MamBot.Dialogs.Texts;

/// <summary>
/// The language the bot speaks right now. The texts (<see cref="T"/>) follow CultureInfo.CurrentUICulture, which
/// flows with async calls: a turn, or the composing of one message, sets it for its own scope only. Polish is the
/// default whatever the server's own settings are.
/// </summary>
public static class Language
{
    /// <summary>"pl", "uk" or "en".</summary>
    public static string Current => Languages.Match(CultureInfo.CurrentUICulture.Name) ?? Languages.Polish;

    /// <summary>Speaks the given language (Polish for anything else) until the returned scope is disposed.</summary>
    public static Scope Use(string? language)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureOf(language);
        return new Scope(previous);
    }

    public static CultureInfo CultureOf(string? language) => CultureInfo.GetCultureInfo(Languages.Match(language) ?? Languages.Polish);

    /// <summary>Makes Polish the process default, so nothing follows the server's locale (an English server stays Polish).</summary>
    public static void MakePolishTheDefault()
    {
        CultureInfo.DefaultThreadCurrentUICulture = CultureOf(Languages.Polish);
        CultureInfo.CurrentUICulture = CultureOf(Languages.Polish);
    }

    public readonly struct Scope(CultureInfo previous) : IDisposable
    {
        public void Dispose() => CultureInfo.CurrentUICulture = previous;
    }
}
