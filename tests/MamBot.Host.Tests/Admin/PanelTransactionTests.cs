using System.Data.Common;
using System.Net;
using MamBot.Data;
using MamBot.Data.Bookings;
using MamBot.Data.Outbox;
using MamBot.Dialogs.Bookings;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace MamBot.Host.Tests.Admin;

/// <summary>
/// A panel form is one transaction, as a chat turn is: approving a booking writes the decision, the reminders and
/// the resident's notice with one commit, and a fault after the first of those writes leaves none of them.
/// </summary>
public sealed class PanelTransactionTests : IDisposable
{
    private static readonly TimeZoneInfo Krakow = TimeZoneInfo.FindSystemTimeZoneById("Europe/Warsaw");
    private readonly HostTestBed _bed = new();
    private readonly Writes _writes = new();
    private readonly MamApp _app;

    public PanelTransactionTests() => _app = _bed.Start(services: s => s.ConfigureDbContext<MamDbContext>(o => o.AddInterceptors(_writes)));

    public void Dispose() => _bed.Dispose();

    private static DateTime At(int month, int day, int hour) => TimeZoneInfo.ConvertTimeToUtc(new DateTime(2026, month, day, hour, 0, 0), Krakow);

    /// <summary>A resident's request for Sala duża (which needs approval) a week and a half ahead: reminders will be due.</summary>
    private async Task<int> PendingBookingAsync()
    {
        var chat = new PageChat(_app.CreateClient(), "browser-olena-7c9e1b3d5f7a9c1e3b5d");
        await chat.PressAsync("consent:yes");
        var resident = await _app.QueryAsync(db => db.Residents.Select(r => r.Id).SingleAsync());
        await using var scope = _app.Services.CreateAsyncScope();
        var big = await scope.ServiceProvider.GetRequiredService<MamDbContext>().Rooms.Where(r => r.Name == "Sala duża").Select(r => r.Id).SingleAsync();
        var booking = (await scope.ServiceProvider.GetRequiredService<BookingDesk>()
            .RequestAsync(new NewBooking(big, resident, At(12, 4, 17), At(12, 4, 19), 15, "próba chóru", "Olena", null), default)).Booking!;
        Assert.Equal(BookingStatus.Pending, booking.Status);
        return booking.Id;
    }

    private Task<List<string>> OutboxKeysAsync(int bookingId) => _app.QueryAsync(db =>
        db.OutboxMessages.Where(m => m.IdempotencyKey.StartsWith($"booking:{bookingId}:") && m.IdempotencyKey != $"booking:{bookingId}:staff")
            .Select(m => m.IdempotencyKey).ToListAsync());

    [Fact]
    public async Task Approving_a_booking_writes_the_decision_the_reminders_and_the_notice_with_one_commit()
    {
        var id = await PendingBookingAsync();
        var staff = await StaffSession.SignInAsync(_app);
        await staff.PageAsync("/admin/bookings?week=1");

        _writes.Count = true;
        await staff.SubmitAsync($"/admin/bookings?handler=Approve&id={id}&week=1", ("confirmed", "yes"));
        _writes.Count = false;

        Assert.Equal(BookingStatus.Confirmed, await _app.QueryAsync(db => db.Bookings.Where(b => b.Id == id).Select(b => b.Status).SingleAsync()));
        Assert.Equal(3, (await OutboxKeysAsync(id)).Count); // the notice and the two reminders
        Assert.Equal(0, _writes.OutsideTransaction);
        Assert.Equal(1, _writes.Commits);
    }

    [Fact]
    public async Task A_fault_after_the_decision_is_written_leaves_the_booking_waiting_with_no_reminders_and_no_notice()
    {
        var id = await PendingBookingAsync();
        var staff = await StaffSession.SignInAsync(_app);
        await staff.PageAsync("/admin/bookings?week=1");

        // The disk fails as the resident's notice is written: the decision and the reminders are written by then.
        _writes.FailWhenWriting = $"booking:{id}:decision";
        var response = await staff.PostAsync($"/admin/bookings?handler=Approve&id={id}&week=1", ("confirmed", "yes"));
        _writes.FailWhenWriting = null;

        Assert.NotEqual(HttpStatusCode.Redirect, response.StatusCode);
        Assert.True(_writes.Failed, "the fault was not reached: the approval never wrote the notice");
        Assert.Equal(BookingStatus.Pending, await _app.QueryAsync(db => db.Bookings.Where(b => b.Id == id).Select(b => b.Status).SingleAsync()));
        Assert.Empty(await OutboxKeysAsync(id));

        // Once the disk is back, the same click does all of it.
        await staff.SubmitAsync($"/admin/bookings?handler=Approve&id={id}&week=1", ("confirmed", "yes"));
        Assert.Equal(BookingStatus.Confirmed, await _app.QueryAsync(db => db.Bookings.Where(b => b.Id == id).Select(b => b.Status).SingleAsync()));
        Assert.Equal(3, (await OutboxKeysAsync(id)).Count);
        Assert.Contains($"booking:{id}:decision", await OutboxKeysAsync(id));
        Assert.Equal(OutboxStatus.Queued, await _app.QueryAsync(db => db.OutboxMessages
            .Where(m => m.IdempotencyKey == $"booking:{id}:decision").Select(m => m.Status).SingleAsync()));
    }

    /// <summary>Counts commits and writes made outside any transaction; fails the write that carries a given value.</summary>
    private sealed class Writes : DbCommandInterceptor, IDbTransactionInterceptor
    {
        public volatile bool Count;
        public volatile string? FailWhenWriting;
        private int _commits, _outside, _failed;

        public int Commits => Volatile.Read(ref _commits);
        public int OutsideTransaction => Volatile.Read(ref _outside);
        public bool Failed => Volatile.Read(ref _failed) > 0;

        public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken ct = default)
        {
            if (Count) Interlocked.Increment(ref _commits);
            return Task.CompletedTask;
        }

        public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
        {
            if (Count) Interlocked.Increment(ref _commits);
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken ct = default)
        {
            Check(command);
            return base.ReaderExecutingAsync(command, eventData, result, ct);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken ct = default)
        {
            Check(command);
            return base.NonQueryExecutingAsync(command, eventData, result, ct);
        }

        private void Check(DbCommand command)
        {
            var text = command.CommandText.TrimStart();
            var writes = text.StartsWith("INSERT", StringComparison.OrdinalIgnoreCase) || text.StartsWith("UPDATE", StringComparison.OrdinalIgnoreCase)
                || text.StartsWith("DELETE", StringComparison.OrdinalIgnoreCase);
            if (!writes) return;
            if (Count && command.Transaction is null) Interlocked.Increment(ref _outside);
            if (FailWhenWriting is { } value && command.Parameters.Cast<DbParameter>().Any(p => Equals(p.Value, value)))
            {
                Interlocked.Increment(ref _failed);
                throw new SqliteException("SQLite Error 10: 'disk I/O error'.", 10);
            }
        }
    }
}
