namespace MamBot.Host.Tests.Posters;

/// <summary>The page behind a poster's QR code speaks the reader's language, through the real pipeline.</summary>
public sealed class LandingLanguageTests : IDisposable
{
    private readonly HostTestBed _bed = new();
    private readonly MamApp _app;

    public LandingLanguageTests() => _app = _bed.Start();

    public void Dispose() => _bed.Dispose();

    [Theory]
    [InlineData("uk-UA,uk;q=0.9", "uk", "Напишіть нам")]
    [InlineData("ru-RU,ru;q=0.9", "uk", "Напишіть нам")] // Russian phones read the Ukrainian page
    [InlineData("en-GB,en;q=0.9", "en", "Write to us")]
    [InlineData("pl-PL,pl;q=0.9", "pl", "Napisz do nas")]
    public async Task A_phone_in_another_language_reads_the_page_in_it_with_the_others_a_tap_away(
        string acceptLanguage, string language, string heading)
    {
        var http = _app.CreateClient();
        http.DefaultRequestHeaders.Add("Accept-Language", acceptLanguage);
        var page = await http.GetStringAsync("/p/c?z=klatka-3");

        Assert.Contains($"<html lang=\"{language}\">", page);
        Assert.Contains(heading, page);
        Assert.DoesNotContain($"?lang={language}", page); // the others only, keeping where the poster hangs
        Assert.Contains("&amp;z=klatka-3", page);
    }

    [Fact]
    public async Task A_language_picked_on_the_page_wins_over_the_phones()
    {
        var http = _app.CreateClient();
        http.DefaultRequestHeaders.Add("Accept-Language", "pl-PL");
        var page = await http.GetStringAsync("/p/c?lang=en");
        Assert.Contains("<html lang=\"en\">", page);
        Assert.Contains("Write to us", page);
    }
}
