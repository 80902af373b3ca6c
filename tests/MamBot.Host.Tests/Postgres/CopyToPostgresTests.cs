using MamBot.Data;
using MamBot.Data.Bookings;
using MamBot.Host.Setup;
using Microsoft.EntityFrameworkCore;

namespace MamBot.Host.Tests.Postgres;

/// <summary>A pilot that ran on SQLite moves to PostgreSQL with the copy command, and its residents carry on.</summary>
public class CopyToPostgresTests
{
    [Fact]
    public async Task A_pilots_data_moves_to_postgresql_with_the_same_counts_and_its_residents_carry_on_where_they_were()
    {
        using var bed = new HostTestBed();
        var chat = "browser-copy-2e8c4a6f1b3d5e7a9c0b";
        int bookings, residents;
        using (var pilot = bed.Start())
        {
            var page = new PageChat(pilot.CreateClient(), chat);
            await page.PressAsync("consent:yes");
            await page.SendAsync("chcę zarezerwować kuchnię jutro o 12 na 2 godziny dla 6 osób");
            await page.SendAsync("Sąsiadka");
            await page.SendAsync("wspólne gotowanie"); // the purpose, the last answer, sends the request
            Assert.StartsWith("Gotowe!", page.Text);
            bookings = await pilot.QueryAsync(db => db.Bookings.CountAsync());
            residents = await pilot.QueryAsync(db => db.Residents.CountAsync());
        }
        var target = await bed.PostgresAsync();
        string[] args = [CopyToPostgresCommand.Name, $"--Storage:DataDirectory={bed.DataDirectory}", $"--ConnectionStrings:Mam={target}"];

        var (output, errors) = (new StringWriter(), new StringWriter());
        Assert.Equal(0, await CopyToPostgresCommand.RunAsync(args, output, errors));

        Assert.Contains("Copied:", output.ToString());
        Assert.DoesNotContain("DIFFERENT", output.ToString());
        Assert.Matches(@"Bookings\s+1\s+1", output.ToString());
        var moved = await bed.StartAsync(StorageProvider.Postgres);
        Assert.Equal((bookings, residents), (await moved.QueryAsync(db => db.Bookings.CountAsync(b => b.Status != BookingStatus.Cancelled)),
            await moved.QueryAsync(db => db.Residents.CountAsync())));
        var page2 = new PageChat(moved.CreateClient(), chat);
        Assert.Contains("Gotowe!", (await page2.MessagesAfterAsync(0)).ToString()); // the conversation so far, as the page shows it
        await page2.PressAsync("menu:about"); // new rows after the copied ones: the id sequences moved past them
        Assert.Contains("12 000 00 00", page2.Text);

        var again = await CopyToPostgresCommand.RunAsync(args, new StringWriter(), errors);
        Assert.Equal(1, again);
        Assert.Contains("already holds data", errors.ToString());
    }
}
