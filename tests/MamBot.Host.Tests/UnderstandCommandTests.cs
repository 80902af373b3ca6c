using System.Text.Json;
using MamBot.Host.Setup;
using MamBot.Tests.Shared;

namespace MamBot.Host.Tests;

/// <summary>The "understand" diagnostic command, run in-process as Program runs it, on its own data folder.</summary>
public class UnderstandCommandTests
{
    private static async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        using var folder = new TempFolder();
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var code = await UnderstandCommand.RunAsync([.. args, $"--Storage:DataDirectory={folder.Path}"], output, errors);
        return (code, output.ToString(), errors.ToString());
    }

    [Fact]
    public async Task Prints_one_json_object_with_the_intent_and_only_the_slots_found()
    {
        var (code, output, _) = await RunAsync("understand", "chcę zarezerwować małą salę w piątek od 17 do 19 dla 8 osób", "--now", "2026-12-01T10:00");

        Assert.Equal(0, code);
        var json = JsonDocument.Parse(output).RootElement;
        Assert.Equal("book_room", json.GetProperty("intent").GetString());
        var slots = json.GetProperty("slots");
        Assert.Equal("Sala mała", slots.GetProperty("room").GetString());
        Assert.Equal("2026-12-04", slots.GetProperty("date").GetString());
        Assert.Equal("17:00", slots.GetProperty("start").GetString());
        Assert.Equal("19:00", slots.GetProperty("end").GetString());
        Assert.Equal(120, slots.GetProperty("durationMinutes").GetInt32());
        Assert.Equal(8, slots.GetProperty("people").GetInt32());
        Assert.False(slots.TryGetProperty("event", out _));
    }

    [Fact]
    public async Task Relative_days_count_from_now_in_krakow()
    {
        // 23:30 UTC on 30 November is already 1 December in Kraków: "jutro" is the 2nd.
        var (_, output, _) = await RunAsync("understand", "czy jutro jest otwarte", "--now", "2026-12-01T00:30");
        Assert.Equal("""{"intent":"opening_hours","slots":{"date":"2026-12-02"}}""", output.Trim());
    }

    [Theory]
    [InlineData("uk", "хочу забронювати малу залу у пʼятницю з 17 до 19 для 8 осіб")]
    [InlineData("uk", "zabronyuvaty malu zalu v pyatnytsiu z 17 do 19 dlia 8 osib")]
    [InlineData("en", "I'd like to book the small room on Friday 5–7pm for 8 people")]
    public async Task Reads_ukrainian_and_english_with_lang(string language, string sentence)
    {
        var (code, output, _) = await RunAsync("understand", sentence, "--lang", language, "--now", "2026-12-01T10:00");

        Assert.Equal(0, code);
        Assert.Equal("""{"intent":"book_room","slots":{"room":"Sala mała","date":"2026-12-04","start":"17:00","end":"19:00","durationMinutes":120,"people":8}}""",
            output.Trim());
    }

    [Fact]
    public async Task Missing_text_a_bad_now_or_an_unknown_language_is_explained_with_exit_code_2()
    {
        Assert.Equal(2, (await RunAsync("understand")).Code);
        var (code, _, errors) = await RunAsync("understand", "hej", "--now", "wczoraj");
        Assert.Equal(2, code);
        Assert.Contains("--now", errors);
        (code, _, errors) = await RunAsync("understand", "hej", "--lang", "de");
        Assert.Equal(2, code);
        Assert.Contains("--lang needs one of: pl, uk, en", errors);
    }
}
