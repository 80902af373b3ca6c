using System.Globalization;
using MamBot.Data.Bookings;
using MamBot.Host.Jobs;
using MamBot.Host.Tests.Telegram;
using MamBot.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MamBot.Host.Tests.Security;

/// <summary>
/// A resident uses every feature on Telegram (emulator, real Telegram.Bot client, the team's group as staff chat),
/// then asks to be erased: no table and no byte of the data folder holds their name, phone, chat id or words.
/// </summary>
public sealed class TelegramErasureTests : IAsyncLifetime
{
    private const long Halina = 918273645;
    private const long StaffGroup = -100777999;
    private const string Name = "Halina Zielińska";
    private const string Phone = "600 713 822";
    private const string Words = "sekretne-slowa-haliny";
    private readonly HostTestBed _bed = new();
    private TelegramEmulator _telegram = null!;
    private MamApp _app = null!;

    public async Task InitializeAsync()
    {
        _telegram = await TelegramEmulator.StartAsync();
        _app = _bed.Start(new Dictionary<string, string?>(_telegram.PollingSettings())
        {
            ["Flood:Burst"] = "0", // thirty messages while the test clock stands still
        });
        await using var scope = _app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<Data.MamDbContext>().Centres.ExecuteUpdateAsync(s => s
            .SetProperty(c => c.StaffChannel, "telegram").SetProperty(c => c.StaffChatId, StaffGroup.ToString(CultureInfo.InvariantCulture)));
    }

    public async Task DisposeAsync()
    {
        _bed.Dispose();
        await _telegram.DisposeAsync();
    }

    /// <summary>Halina writes; the bot's answers, joined.</summary>
    private async Task<BotMessage> SayAsync(string text, string expected)
    {
        await _telegram.SendTextAsync(Halina, text, firstName: Name);
        return await ReplyContainingAsync(expected);
    }

    private async Task<BotMessage> PressAsync(BotMessage under, string title, string expected)
    {
        await _telegram.PressAsync(Halina, under, under.Button(title), firstName: Name);
        return await ReplyContainingAsync(expected);
    }

    /// <summary>The bot's message whose text or buttons show what is expected.</summary>
    private async Task<BotMessage> ReplyContainingAsync(string expected)
    {
        var seen = new List<BotMessage>();
        bool Shows(BotMessage m) => m.Text.Contains(expected, StringComparison.Ordinal) || m.Buttons.SelectMany(r => r).Any(b => b.Text == expected);
        try
        {
            await _telegram.WaitForAsync(async () =>
            {
                seen.AddRange(await _telegram.UnreadAsync(Halina));
                return seen.Any(Shows);
            }, $"a reply showing '{expected}'");
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{e.Message}\nThe bot said: {string.Join(" | ", seen.Select(m => m.Text))}", e);
        }
        return seen.Last(Shows);
    }

    [Fact]
    public async Task After_erasure_nothing_of_the_person_is_left_in_the_database_or_its_files()
    {
        var welcome = await SayAsync("/start", "Zgadzam się");
        await PressAsync(welcome, "Zgadzam się", "Zgoda zapisana");

        // A booking the team must approve (the team's group is told her name and phone).
        await SayAsync("chcę zarezerwować salę dużą jutro o 12 na 2 godziny dla 20 osób", "Jak się nazywasz?");
        await SayAsync($"{Name} {Phone}", "W jakim celu?"); // the phone typed after the name
        await SayAsync($"urodziny {Words}", "czeka na potwierdzenie"); // the purpose, the last answer, sends it
        var booking = await _app.QueryAsync(db => db.Bookings.SingleAsync());
        Assert.Equal((Name, Phone), (booking.ContactName, booking.Phone));

        // An idea with her phone as the contact.
        await SayAsync("mam pomysł", "Jak nazwiesz swój pomysł?");
        await SayAsync($"Pomysł {Words}", "");
        await SayAsync($"Opis {Words} od Haliny.", "Dla wszystkich");
        await SayAsync("Dla wszystkich", "Nie wiem jeszcze");
        await SayAsync("Nie wiem jeszcze", "Co możesz wnieść?");
        await SayAsync($"mam {Words}", "kontakt");
        await SayAsync(Phone, "Wyślij pomysł");
        await SayAsync("Wyślij pomysł", "trafił do zespołu MAM");

        // An event place, a question for the team, her data file.
        var coffee = await _app.QueryAsync(db => db.Events.Where(e => e.Title == "Kawa sąsiedzka").OrderBy(e => e.StartUtc).Select(e => e.Id).FirstAsync());
        var menu = await SayAsync("menu", "");
        await _telegram.PressAsync(Halina, menu, $"events:join:{coffee}", firstName: Name);
        await ReplyContainingAsync("Kawa sąsiedzka");
        await SayAsync($"mam pytanie, {Words}", "");
        await SayAsync("moje dane", "");

        await _app.RunRecurringJobAsync(OutboxDispatchJob.Id);
        var traces = new[] { Name, "Zielińska", Phone, Halina.ToString(CultureInfo.InvariantCulture), Words };
        foreach (var trace in traces) Assert.NotEmpty(await ColumnsAsync(trace)); // the scan finds her before

        var ask = await SayAsync("usuń moje dane", "Tak, usuń wszystko");
        Assert.Contains("rezerwac", ask.Text); // she is told what happens to her booking before she agrees
        await PressAsync(ask, "Tak, usuń wszystko", "usunięte");

        Assert.Equal(BookingStatus.Cancelled, await _app.QueryAsync(db => db.Bookings.Select(b => b.Status).SingleAsync()));
        // The last reply ("your data is erased") still needs her chat id until Telegram has it: wait for that.
        var left = await TracesLeftAsync(traces);
        for (var deadline = DateTime.UtcNow.AddSeconds(20); left.Count > 0 && DateTime.UtcNow < deadline; left = await TracesLeftAsync(traces))
            await Task.Delay(50);
        Assert.True(left.Count == 0, string.Join("\n", left));
    }

    private async Task<List<string>> TracesLeftAsync(IEnumerable<string> traces)
    {
        var left = new List<string>();
        foreach (var trace in traces)
        {
            var columns = await ColumnsAsync(trace);
            if (columns.Count > 0) left.Add($"'{trace}' is still in: {string.Join("; ", columns)}");
            var files = DatabaseScan.FilesContaining(Directory.EnumerateFiles(_app.DataDirectory, "*", SearchOption.AllDirectories), trace).ToList();
            if (files.Count > 0) left.Add($"'{trace}' is still readable in {string.Join(", ", files)}");
        }
        return left;
    }

    private Task<List<string>> ColumnsAsync(string trace) =>
        _app.QueryAsync(db => DatabaseScan.ColumnsContainingAsync(db.Database.GetDbConnection(), trace));
}
