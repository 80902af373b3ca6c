using MamBot.Data.Posters;
using MamBot.Data.Report;
using MamBot.Host.Tests.Admin;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MamBot.Host.Tests.Posters;

/// <summary>Issue 36 F6/F7: poster visits cannot be inflated, nor can typed-in places fill the table or the report.</summary>
public sealed class PosterCountingTests
{
    [Fact]
    public async Task A_visitor_counts_once_a_day_and_prefetches_and_bots_not_at_all()
    {
        using var bed = new HostTestBed();
        var app = bed.Start(PosterTests.Proxied);
        var phone = PosterTests.Phone(app, "203.0.113.5");

        for (var i = 0; i < 50; i++) await phone.GetStringAsync("/p/c");
        await PosterTests.Phone(app, "203.0.113.6").GetStringAsync("/p/c");
        using (var prefetch = new HttpRequestMessage(HttpMethod.Get, "/p/c"))
        {
            prefetch.Headers.Add("Sec-Purpose", "prefetch");
            await PosterTests.Phone(app, "203.0.113.7").SendAsync(prefetch);
        }
        var bot = PosterTests.Phone(app, "203.0.113.8");
        bot.DefaultRequestHeaders.UserAgent.Clear();
        bot.DefaultRequestHeaders.Add("User-Agent", "TelegramBot (like TwitterBot)");
        await bot.GetStringAsync("/p/c");
        Assert.Equal(2, await VisitsAsync(app));

        bed.Time.Advance(TimeSpan.FromDays(1)); // a new day: the same phone counts again
        await phone.GetStringAsync("/p/c");
        Assert.Equal(3, await VisitsAsync(app));
    }

    [Fact]
    public async Task Places_nobody_printed_count_as_other_and_the_report_lists_a_capped_number_of_lines()
    {
        using var bed = new HostTestBed();
        var app = bed.Start(PosterTests.Proxied);
        var staff = await StaffSession.SignInAsync(app);
        await staff.Http.GetByteArrayAsync("/admin/posters/centre.pdf?z=klatka-3");

        for (var i = 0; i < 30; i++)
            await PosterTests.Phone(app, $"203.0.113.{i + 1}").GetStringAsync($"/p/c?z=zadzwon-48-600-{i}-wygrales-nagrode");
        await PosterTests.Phone(app, "203.0.113.200").GetStringAsync("/p/c?z=klatka-3");

        var rows = await app.QueryAsync(db => db.PosterVisits.Select(v => new { v.Place, v.Count }).ToListAsync());
        Assert.Equal([("inne", 30), ("klatka-3", 1)], rows.OrderBy(r => r.Place, StringComparer.Ordinal).Select(r => (r.Place, r.Count)));
        var report = StaffSession.Text(await staff.PageAsync("/admin/report"));
        Assert.DoesNotContain("wygrales", report);
        Assert.Contains("plakat MAM, inne 30", report);

        // However many places staff print, a period lists the most visited few.
        for (var i = 0; i < PilotReport.MaxPosterLines + 5; i++)
        {
            await staff.Http.GetByteArrayAsync($"/admin/posters/centre.pdf?z=blok-{i}");
            await PosterTests.Phone(app, $"198.51.100.{i + 1}").GetStringAsync($"/p/c?z=blok-{i}");
        }
        using var scope = app.Services.CreateScope();
        var centreId = await app.QueryAsync(db => db.Centres.Select(c => c.Id).FirstAsync());
        var today = DateOnly.FromDateTime(bed.Time.GetUtcNow().UtcDateTime);
        var figures = await scope.ServiceProvider.GetRequiredService<PilotReport>()
            .ForMonthAsync(centreId, new DateOnly(today.Year, today.Month, 1), CancellationToken.None);
        Assert.Equal(PilotReport.MaxPosterLines, figures.Posters.Count);
        Assert.Contains(figures.Posters, p => p.Place == "inne" && p.Visits == 30);
    }

    private static Task<int> VisitsAsync(MamApp app) => app.QueryAsync(db => db.PosterVisits.SumAsync(v => v.Count));
}
