using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace MamBot.Data.Posters;

/// <summary>
/// How many times a poster's QR code was opened in a month, by where the poster hangs ("klatka-3"). Only the
/// count: nothing about who opened it.
/// </summary>
public sealed class PosterVisit
{
    public long Id { get; set; }

    /// <summary>What the poster is for: "c" (the centre) or "e12" (event 12).</summary>
    public required string Code { get; set; }

    /// <summary>Where it hangs, as staff named it when printing; "" when they did not.</summary>
    public required string Place { get; set; }

    /// <summary>"2026-12", in the centre's time zone.</summary>
    public required string Month { get; set; }
    public int Count { get; set; }
}

/// <summary>What a poster is for, as its QR code's address names it: "c" (the centre) or "e12" (event 12).</summary>
public static class PosterCodes
{
    public const string Centre = "c";

    public static string ForEvent(int eventId) => "e" + eventId.ToString(CultureInfo.InvariantCulture);

    /// <summary>The event a code names; null for the centre's (or anything else).</summary>
    public static int? EventId(string code) =>
        code.Length > 1 && code[0] == 'e' && int.TryParse(code.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
}

public sealed class PosterVisits(MamDbContext db)
{
    /// <summary>One more visit; one statement, safe when many scan at once.</summary>
    public async Task CountAsync(string code, string place, string month, CancellationToken ct)
    {
        async Task<int> AddOneAsync()
        {
            await using var transaction = await db.BeginWriteAsync(ct); // at the gate: a write outside it meets a turn's lock
            var counted = await db.PosterVisits.Where(v => v.Code == code && v.Place == place && v.Month == month)
                .ExecuteUpdateAsync(s => s.SetProperty(v => v.Count, v => v.Count + 1), ct);
            await transaction.CommitAsync(ct);
            return counted;
        }
        if (await AddOneAsync() > 0) return;
        db.PosterVisits.Add(new PosterVisit { Code = code, Place = place, Month = month, Count = 1 });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (!StorageFault.Is(ex))
        {
            // The first scan of the month at the same moment elsewhere: its row stands, count on it.
            db.ChangeTracker.Clear();
            await AddOneAsync();
        }
    }
}
