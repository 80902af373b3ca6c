using MamBot.Data.Bookings;
using MamBot.Data.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MamBot.Data.Tests.Events;

public class EventTests
{
    private static readonly TimeZoneInfo Krakow = TimeZoneInfo.FindSystemTimeZoneById("Europe/Warsaw");

    private static DateTime Friday(int hour) => TimeZoneInfo.ConvertTimeToUtc(new DateTime(2026, 11, 27, hour, 0, 0), Krakow);

    private static async Task<T> WithAsync<T>(TestDatabase db, Func<EventService, Task<T>> use)
    {
        await using var scope = db.Scope();
        return await use(scope.ServiceProvider.GetRequiredService<EventService>());
    }

    private static async Task<int> RoomAsync(TestDatabase db, string name) =>
        await db.QueryAsync(d => d.Rooms.Where(r => r.Name == name).Select(r => r.Id).SingleAsync());

    private static async Task<CommunityEvent> CreateAsync(TestDatabase db, int? capacity, int? room = null, int startHour = 17)
    {
        var centre = await db.QueryAsync(d => d.Centres.Select(c => c.Id).FirstAsync());
        var change = await WithAsync(db, s => s.CreateAsync(new NewEvent(centre, "Gimnastyka", "Ćwiczenia na krzesłach.", Friday(startHour), Friday(startHour + 1),
            room, EventCategory.Seniors, capacity, "Pani Halina"), default));
        return change.Event ?? throw new InvalidOperationException(change.Problem.ToString());
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task When_places_run_out_residents_queue_and_a_freed_place_goes_to_the_first_in_line(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var gym = await CreateAsync(db, capacity: 2);
        var (anna, bogdan, celina, darek) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());

        Assert.Equal(SignupOutcome.Going, (await WithAsync(db, s => s.SignUpAsync(gym.Id, anna, default))).Outcome);
        Assert.Equal(SignupOutcome.Going, (await WithAsync(db, s => s.SignUpAsync(gym.Id, bogdan, default))).Outcome);
        Assert.Equal(SignupOutcome.Waiting, (await WithAsync(db, s => s.SignUpAsync(gym.Id, celina, default))).Outcome);
        Assert.Equal(SignupOutcome.Waiting, (await WithAsync(db, s => s.SignUpAsync(gym.Id, darek, default))).Outcome);
        Assert.Equal(SignupOutcome.AlreadyWaiting, (await WithAsync(db, s => s.SignUpAsync(gym.Id, celina, default))).Outcome);

        var withdrawn = await WithAsync(db, s => s.WithdrawAsync(gym.Id, anna, default));

        Assert.True(withdrawn.HadAPlace);
        Assert.Equal(celina, withdrawn.Promoted?.ResidentId);
        var summary = await WithAsync(db, s => s.FindAsync(gym.Id, default));
        Assert.Equal((2, 1, 0), (summary!.Going, summary.Waiting, summary.FreePlaces!.Value));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Many_residents_signing_up_at_the_same_moment_never_exceed_the_capacity(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var gym = await CreateAsync(db, capacity: 5);
        var residents = Enumerable.Range(0, 24).Select(_ => Guid.NewGuid()).ToList();

        // Each sign-up in its own scope and connection, all released together.
        var start = new TaskCompletionSource();
        var attempts = residents.Select(r => Task.Run(async () =>
        {
            await start.Task;
            return await WithAsync(db, s => s.SignUpAsync(gym.Id, r, default));
        })).ToList();
        start.SetResult();
        var results = await Task.WhenAll(attempts);

        Assert.Equal(5, results.Count(r => r.Outcome == SignupOutcome.Going));
        Assert.Equal(19, results.Count(r => r.Outcome == SignupOutcome.Waiting));
        var going = await db.QueryAsync(d => d.EventSignups.CountAsync(s => s.EventId == gym.Id && s.Status == SignupStatus.Going));
        Assert.Equal(5, going);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Withdrawing_and_signing_up_again_is_a_new_place_and_never_two_at_once(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var gym = await CreateAsync(db, capacity: null);
        var anna = Guid.NewGuid();

        var first = await WithAsync(db, s => s.SignUpAsync(gym.Id, anna, default));
        Assert.Equal(SignupOutcome.AlreadyGoing, (await WithAsync(db, s => s.SignUpAsync(gym.Id, anna, default))).Outcome);
        await WithAsync(db, s => s.WithdrawAsync(gym.Id, anna, default));
        var again = await WithAsync(db, s => s.SignUpAsync(gym.Id, anna, default));

        Assert.Equal(SignupOutcome.Going, again.Outcome);
        Assert.NotEqual(first.Signup!.Id, again.Signup!.Id);
        // The database itself refuses a second active place for the same resident.
        await Assert.ThrowsAsync<DbUpdateException>(() => db.QueryAsync(async d =>
        {
            d.EventSignups.Add(new EventSignup { EventId = gym.Id, ResidentId = anna, Status = SignupStatus.Waiting });
            return await d.SaveChangesAsync();
        }));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_event_in_a_room_blocks_bookings_there_and_a_booked_room_refuses_a_new_event(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var small = await RoomAsync(db, "Sala mała");
        await CreateAsync(db, capacity: 10, room: small, startHour: 17);

        await using (var scope = db.Scope())
        {
            var bookings = scope.ServiceProvider.GetRequiredService<BookingService>();
            var clash = await bookings.RequestAsync(new NewBooking(small, Guid.NewGuid(), Friday(17), Friday(18), 3, "korepetycje", "Anna", null), default);
            Assert.Equal(BookingProblem.Taken, clash.Problem);
            var free = await bookings.FreeStartsAsync(small, new DateOnly(2026, 11, 27), TimeSpan.FromHours(1), default);
            Assert.DoesNotContain(Friday(17), free);
            Assert.True((await bookings.RequestAsync(new NewBooking(small, Guid.NewGuid(), Friday(12), Friday(13), 3, "korepetycje", "Anna", null), default)).Succeeded);
        }

        var centre = await db.QueryAsync(d => d.Centres.Select(c => c.Id).FirstAsync());
        var refused = await WithAsync(db, s => s.CreateAsync(new NewEvent(centre, "Szachy", "", Friday(12), Friday(14), small, EventCategory.Neighbours, null, ""), default));
        Assert.Equal(EventProblem.RoomTaken, refused.Problem);
        Assert.Single(refused.ConflictingBookings);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_cancelled_event_takes_no_sign_ups_and_frees_its_room(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var small = await RoomAsync(db, "Sala mała");
        var gym = await CreateAsync(db, capacity: 10, room: small);

        Assert.NotNull(await WithAsync(db, s => s.CancelAsync(gym.Id, default)));

        Assert.Equal(SignupOutcome.Cancelled, (await WithAsync(db, s => s.SignUpAsync(gym.Id, Guid.NewGuid(), default))).Outcome);
        await using var scope = db.Scope();
        var booked = await scope.ServiceProvider.GetRequiredService<BookingService>()
            .RequestAsync(new NewBooking(small, Guid.NewGuid(), Friday(17), Friday(18), 3, "korepetycje", "Anna", null), default);
        Assert.True(booked.Succeeded);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Events_in_the_past_or_ending_before_they_start_are_refused(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var centre = await db.QueryAsync(d => d.Centres.Select(c => c.Id).FirstAsync());
        var past = await WithAsync(db, s => s.CreateAsync(new NewEvent(centre, "Wczoraj", "", Friday(17).AddDays(-3), Friday(18).AddDays(-3), null, EventCategory.Culture, null, ""), default));
        var backwards = await WithAsync(db, s => s.CreateAsync(new NewEvent(centre, "Wspak", "", Friday(18), Friday(17), null, EventCategory.Culture, null, ""), default));

        Assert.Equal(EventProblem.InThePast, past.Problem);
        Assert.Equal(EventProblem.EndBeforeStart, backwards.Problem);
        Assert.Equal(0, await db.QueryAsync(d => d.Events.CountAsync()));
    }
}
