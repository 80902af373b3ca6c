using BenchmarkDotNet.Attributes;
using MamBot.Data;
using MamBot.Data.Bookings;
using MamBot.Data.Centres;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MamBot.Benchmarks;

/// <summary>
/// Free-slot lookup for one room over a whole month, with 10,000 bookings in the database (spread over three
/// rooms and two years), the way the booking dialog asks for days and start times.
/// </summary>
[MemoryDiagnoser]
public class FreeSlotLookup
{
    private const int Bookings = 10_000;
    private static readonly DateTime Now = new(2026, 11, 25, 9, 0, 0, DateTimeKind.Utc);
    private static readonly TimeZoneInfo Krakow = TimeZoneInfo.FindSystemTimeZoneById("Europe/Warsaw");

    private string _folder = "";
    private ServiceProvider _services = null!;
    private int _roomId;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _folder = Path.Combine(Path.GetTempPath(), "mambot-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        var file = Path.Combine(_folder, "mambot.db");
        _services = new ServiceCollection()
            .AddSingleton<TimeProvider>(new FixedTime(Now))
            .AddMamData(_ => MamDataSetup.ConnectionStringFor(file))
            .BuildServiceProvider();
        await _services.PrepareDatabaseAsync(SampleCentre(), new FixedTime(Now));

        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MamDbContext>();
        var rooms = await db.Rooms.Select(r => r.Id).ToListAsync();
        _roomId = rooms[0];
        var random = new Random(42);
        var first = DateOnly.FromDateTime(Now).AddDays(-365);
        for (var i = 0; i < Bookings; i++)
        {
            var day = first.AddDays(random.Next(0, 730));
            var start = TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(new TimeOnly(10 + random.Next(0, 9), random.Next(0, 2) * 30)), Krakow);
            db.Bookings.Add(new Booking
            {
                RoomId = rooms[i % rooms.Count], ResidentId = Guid.NewGuid(), StartUtc = start, EndUtc = start.AddMinutes(60 + 30 * random.Next(0, 3)),
                People = 5, Purpose = "spotkanie", ContactName = "Anna", CreatedUtc = Now,
                Status = random.Next(0, 10) == 0 ? BookingStatus.Cancelled : BookingStatus.Confirmed,
            });
        }
        await db.SaveChangesAsync();
    }

    /// <summary>All free one-hour starts, day by day, for the 30 days from tomorrow.</summary>
    [Benchmark]
    public async Task<int> Month_of_free_starts_for_one_room()
    {
        await using var scope = _services.CreateAsyncScope();
        var bookings = scope.ServiceProvider.GetRequiredService<BookingService>();
        var tomorrow = DateOnly.FromDateTime(Now).AddDays(1);
        var total = 0;
        for (var d = 0; d < 30; d++)
            total += (await bookings.FreeStartsAsync(_roomId, tomorrow.AddDays(d), TimeSpan.FromHours(1), default)).Count;
        return total;
    }

    /// <summary>The same month in one call, as the dialog now asks for the days with a free start.</summary>
    [Benchmark]
    public async Task<int> Month_of_free_starts_in_one_read()
    {
        await using var scope = _services.CreateAsyncScope();
        var bookings = scope.ServiceProvider.GetRequiredService<BookingService>();
        var tomorrow = DateOnly.FromDateTime(Now).AddDays(1);
        return (await bookings.FreeStartsByDayAsync(_roomId, tomorrow, tomorrow.AddDays(29), TimeSpan.FromHours(1), default)).Sum(d => d.Starts.Count);
    }

    /// <summary>One day, as one step of the dialog.</summary>
    [Benchmark]
    public async Task<int> One_day_of_free_starts()
    {
        await using var scope = _services.CreateAsyncScope();
        var bookings = scope.ServiceProvider.GetRequiredService<BookingService>();
        return (await bookings.FreeStartsAsync(_roomId, DateOnly.FromDateTime(Now).AddDays(3), TimeSpan.FromHours(1), default)).Count;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _services.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private static SampleCentre SampleCentre() => new()
    {
        OpeningHours = new() { ["Monday"] = "10:00-20:00", ["Tuesday"] = "10:00-20:00", ["Wednesday"] = "10:00-20:00", ["Thursday"] = "10:00-20:00", ["Friday"] = "10:00-20:00", ["Saturday"] = "10:00-14:00" },
        Rooms = [new() { Name = "Sala duża", Capacity = 30, MaxDaysAhead = 60 }, new() { Name = "Sala mała", Capacity = 10, MaxDaysAhead = 60 }, new() { Name = "Kuchnia", Capacity = 8, MaxDaysAhead = 60 }],
    };

    private sealed class FixedTime(DateTime utc) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(utc, TimeSpan.Zero);
    }
}
