using MamBot.Data.Bookings;
using MamBot.Data.Centres;
using MamBot.Data.Residents;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MamBot.Data.Tests.Bookings;

public class BookingTests
{
    private static readonly TimeZoneInfo Krakow = TimeZoneInfo.FindSystemTimeZoneById("Europe/Warsaw");

    /// <summary>A Kraków wall-clock time as UTC.</summary>
    private static DateTime At(int year, int month, int day, int hour, int minute = 0) =>
        TimeZoneInfo.ConvertTimeToUtc(new DateTime(year, month, day, hour, minute, 0), Krakow);

    private static DateTime Friday(int hour, int minute = 0) => At(2026, 11, 27, hour, minute); // now is Wednesday 25 Nov, 10:00

    private static async Task<(int Large, int Small)> RoomsAsync(TestDatabase db) =>
        (await db.QueryAsync(d => d.Rooms.Where(r => r.Name == "Sala duża").Select(r => r.Id).SingleAsync()),
         await db.QueryAsync(d => d.Rooms.Where(r => r.Name == "Sala mała").Select(r => r.Id).SingleAsync()));

    private static async Task<BookingAttempt> BookAsync(TestDatabase db, int room, DateTime start, DateTime end, int people = 4, Guid? resident = null)
    {
        await using var scope = db.Scope();
        return await scope.ServiceProvider.GetRequiredService<BookingService>().RequestAsync(
            new NewBooking(room, resident ?? Guid.NewGuid(), start, end, people, "próba chóru", "Anna", null), default);
    }

    private static async Task<T> WithAsync<T>(TestDatabase db, Func<BookingService, Task<T>> use)
    {
        await using var scope = db.Scope();
        return await use(scope.ServiceProvider.GetRequiredService<BookingService>());
    }

    private static IEnumerable<string> LocalTimes(IEnumerable<DateTime> utc) =>
        utc.Select(u => TimeZoneInfo.ConvertTimeFromUtc(u, Krakow).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public async Task On_postgresql_the_database_itself_refuses_two_bookings_holding_a_room_at_overlapping_hours()
    {
        await using var db = await TestDatabase.CreateAsync(StorageProvider.Postgres);
        var (_, small) = await RoomsAsync(db);
        async Task AddAsync(DateTime start, DateTime end, BookingStatus status)
        {
            await using var scope = db.Scope();
            var context = scope.ServiceProvider.GetRequiredService<MamDbContext>();
            context.Bookings.Add(new Booking { RoomId = small, StartUtc = start, EndUtc = end, Status = status, Purpose = "x", ContactName = "x" });
            await context.SaveChangesAsync();
        }

        await AddAsync(Friday(12), Friday(14), BookingStatus.Confirmed);
        await AddAsync(Friday(14), Friday(15), BookingStatus.Pending); // touching is not overlapping
        await AddAsync(Friday(13), Friday(14), BookingStatus.Cancelled); // a cancelled one holds nothing

        var overlap = await Assert.ThrowsAsync<DbUpdateException>(() => AddAsync(Friday(13), Friday(15), BookingStatus.Pending));
        Assert.Equal("23P01", Assert.IsType<Npgsql.PostgresException>(overlap.InnerException).SqlState); // exclusion_violation
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Free_times_follow_opening_hours_and_keep_the_buffer_around_a_booking(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var (_, small) = await RoomsAsync(db);
        Assert.True((await BookAsync(db, small, Friday(12), Friday(14))).Succeeded);

        var starts = LocalTimes(await WithAsync(db, s => s.FreeStartsAsync(small, new DateOnly(2026, 11, 27), TimeSpan.FromHours(1), default))).ToList();

        Assert.Equal(["10:00", "10:30", "14:30", "15:00"], starts.Take(4));
        Assert.Equal("19:00", starts[^1]); // 19:00–20:00 still fits before closing
        Assert.DoesNotContain("11:00", starts); // would end 12:00, inside the 15-minute buffer
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Saturday_closes_early_and_sunday_has_no_free_time(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var (_, small) = await RoomsAsync(db);
        var saturday = await WithAsync(db, s => s.FreeStartsAsync(small, new DateOnly(2026, 11, 28), TimeSpan.FromHours(1), default));
        var sunday = await WithAsync(db, s => s.FreeStartsAsync(small, new DateOnly(2026, 11, 29), TimeSpan.FromHours(1), default));

        Assert.Equal("13:00", LocalTimes(saturday).Last());
        Assert.Empty(sunday);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_blackout_takes_its_time_out_of_every_room(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var (large, small) = await RoomsAsync(db);
        await db.QueryAsync(async d =>
        {
            d.Blackouts.Add(new Blackout { CentreId = d.Centres.Single().Id, StartUtc = Friday(16), EndUtc = Friday(18), Reason = "Andrzejki sąsiedzkie" });
            return await d.SaveChangesAsync();
        });

        var starts = LocalTimes(await WithAsync(db, s => s.FreeStartsAsync(small, new DateOnly(2026, 11, 27), TimeSpan.FromHours(1), default))).ToList();
        Assert.Contains("15:00", starts);
        Assert.DoesNotContain("15:30", starts);
        Assert.DoesNotContain("17:00", starts);
        Assert.Contains("18:00", starts);
        Assert.Equal(BookingProblem.Blackout, (await BookAsync(db, large, Friday(17), Friday(19))).Problem);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task On_the_night_clocks_go_forward_the_missing_hour_is_never_offered_and_lengths_are_real_hours(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var (_, small) = await RoomsAsync(db);
        await db.QueryAsync(async d =>
        {
            // A night workshop room: open on Sundays 01:00–05:00.
            d.Add(new OpeningHours { CentreId = d.Centres.Single().Id, RoomId = small, Day = DayOfWeek.Sunday, Opens = new(1, 0), Closes = new(5, 0) });
            return await d.SaveChangesAsync();
        });
        db.Time.SetUtcNow(new DateTimeOffset(2027, 3, 20, 9, 0, 0, TimeSpan.Zero));

        var starts = await WithAsync(db, s => s.FreeStartsAsync(small, new DateOnly(2027, 3, 28), TimeSpan.FromHours(1), default));

        Assert.Equal(["01:00", "01:30", "03:00", "03:30", "04:00"], LocalTimes(starts));
        Assert.Equal(Enumerable.Range(0, 5).Select(i => new DateTime(2027, 3, 28, 0, 0, 0, DateTimeKind.Utc).AddMinutes(30 * i)), starts);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Every_broken_rule_has_its_own_reason_and_nothing_is_stored(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var (_, small) = await RoomsAsync(db);
        var now = db.Time.GetUtcNow().UtcDateTime;

        Assert.Equal(BookingProblem.InThePast, (await BookAsync(db, small, now.AddHours(-2), now.AddHours(-1))).Problem);
        Assert.Equal(BookingProblem.TooLittleNotice, (await BookAsync(db, small, now.AddMinutes(30), now.AddMinutes(90))).Problem);
        Assert.Equal(BookingProblem.TooFarAhead, (await BookAsync(db, small, At(2027, 2, 26, 12), At(2027, 2, 26, 13))).Problem);
        Assert.Equal(BookingProblem.Closed, (await BookAsync(db, small, At(2026, 11, 29, 12), At(2026, 11, 29, 13))).Problem);
        Assert.Equal(BookingProblem.OutsideHours, (await BookAsync(db, small, Friday(19, 30), Friday(20, 30))).Problem);
        Assert.Equal(BookingProblem.OutsideHours, (await BookAsync(db, small, Friday(9), Friday(10, 30))).Problem);
        Assert.Equal(BookingProblem.TooShort, (await BookAsync(db, small, Friday(12), Friday(12, 15))).Problem);
        Assert.Equal(BookingProblem.TooLong, (await BookAsync(db, small, Friday(10), Friday(15))).Problem);
        Assert.Equal(BookingProblem.OverCapacity, (await BookAsync(db, small, Friday(12), Friday(13), people: 11)).Problem);
        Assert.Equal(0, await db.QueryAsync(d => d.Bookings.CountAsync()));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_taken_slot_is_refused_with_the_nearest_free_times_and_the_fair_use_limit_holds(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var (_, small) = await RoomsAsync(db);
        var anna = Guid.NewGuid();
        Assert.True((await BookAsync(db, small, Friday(12), Friday(14), resident: anna)).Succeeded);

        var taken = await BookAsync(db, small, Friday(13), Friday(14));
        Assert.Equal(BookingProblem.Taken, taken.Problem);
        Assert.Equal(["10:30", "14:30", "15:00"], LocalTimes(taken.Alternatives));

        Assert.True((await BookAsync(db, small, Friday(16), Friday(17), resident: anna)).Succeeded);
        Assert.True((await BookAsync(db, small, Friday(18), Friday(19), resident: anna)).Succeeded);
        Assert.Equal(BookingProblem.TooManyActive, (await BookAsync(db, small, At(2026, 11, 30, 12), At(2026, 11, 30, 13), resident: anna)).Problem);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Twenty_residents_asking_for_the_same_slot_at_once_get_one_booking(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var (_, small) = await RoomsAsync(db);

        var attempts = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => BookAsync(db, small, Friday(18), Friday(20)))));

        Assert.Single(attempts, a => a.Succeeded);
        Assert.All(attempts.Where(a => !a.Succeeded), a =>
        {
            Assert.Equal(BookingProblem.Taken, a.Problem);
            Assert.NotEmpty(a.Alternatives);
        });
        Assert.Equal(1, await db.QueryAsync(d => d.Bookings.CountAsync()));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_room_that_needs_approval_holds_the_slot_until_staff_decide(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var (large, _) = await RoomsAsync(db);
        var pending = (await BookAsync(db, large, Friday(17), Friday(19))).Booking!;
        Assert.Equal(BookingStatus.Pending, pending.Status);
        Assert.Equal(BookingProblem.Taken, (await BookAsync(db, large, Friday(18), Friday(19))).Problem);

        var rejected = await WithAsync(db, s => s.RejectAsync(pending.Id, "Tego dnia sprzątanie sali.", default));
        Assert.Equal(BookingStatus.Rejected, rejected!.Status);
        Assert.Null(await WithAsync(db, s => s.ApproveAsync(pending.Id, null, default))); // decided already

        var again = (await BookAsync(db, large, Friday(18), Friday(19))).Booking!;
        var approved = await WithAsync(db, s => s.ApproveAsync(again.Id, null, default));
        Assert.Equal(BookingStatus.Confirmed, approved!.Status);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Only_the_owner_cancels_and_the_slot_is_free_again(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var (_, small) = await RoomsAsync(db);
        var anna = Guid.NewGuid();
        var booking = (await BookAsync(db, small, Friday(12), Friday(13), resident: anna)).Booking!;

        Assert.Null(await WithAsync(db, s => s.CancelAsync(booking.Id, Guid.NewGuid(), default)));
        Assert.Equal(BookingStatus.Cancelled, (await WithAsync(db, s => s.CancelAsync(booking.Id, anna, default)))!.Status);
        Assert.Empty(await WithAsync(db, s => s.UpcomingAsync(anna, default)));
        Assert.True((await BookAsync(db, small, Friday(12), Friday(13))).Succeeded);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_booking_moves_only_to_a_free_time(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var (_, small) = await RoomsAsync(db);
        var first = (await BookAsync(db, small, Friday(12), Friday(13))).Booking!;
        await BookAsync(db, small, Friday(15), Friday(16));

        Assert.Equal(BookingProblem.Taken, (await WithAsync(db, s => s.MoveAsync(first.Id, Friday(15), Friday(16), default))).Problem);
        var moved = await WithAsync(db, s => s.MoveAsync(first.Id, Friday(12, 30), Friday(13, 30), default)); // overlapping its own old time is fine
        Assert.Equal(Friday(12, 30), moved.Booking!.StartUtc);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Erasure_keeps_the_booking_for_the_figures_but_nothing_about_the_person(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var (_, small) = await RoomsAsync(db);
        Guid anna;
        await using (var scope = db.Scope())
        {
            var centre = await scope.ServiceProvider.GetRequiredService<CentreDirectory>().GetDefaultAsync(default);
            anna = (await scope.ServiceProvider.GetRequiredService<ResidentService>().GrantConsentAsync(centre.Id, "webchat", "c", "Anna", "v", default)).Resident.Id;
        }
        await BookAsync(db, small, Friday(12), Friday(13), resident: anna);

        await using (var scope = db.Scope())
            await scope.ServiceProvider.GetRequiredService<ResidentErasure>().EraseAsync(anna, default);

        var kept = await db.QueryAsync(d => d.Bookings.SingleAsync());
        Assert.Equal((null, "", null, ""), (kept.ResidentId, kept.ContactName, kept.Phone, kept.Purpose));
        Assert.Equal(Friday(12), kept.StartUtc);
    }
}
