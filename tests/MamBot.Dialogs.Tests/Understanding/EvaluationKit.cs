using System.Globalization;
using MamBot.Data.Centres;
using MamBot.Dialogs.Understanding;

namespace MamBot.Dialogs.Tests.Understanding;

/// <summary>What the evaluation sets share: their day, the rooms as the sample centre names them, slots as text, the report.</summary>
internal static class EvaluationKit
{
    public static readonly DateOnly Today = new(2026, 11, 25);

    public static readonly Room[] Rooms =
    [
        // As in appsettings.json: the team names its rooms in every language residents use.
        new() { Id = 1, Name = "Sala duża", Aliases = "duża, główna, велика, velyka, big, large", Capacity = 30 },
        new() { Id = 2, Name = "Sala mała", Aliases = "mała, salka, мала, маленька, small", Capacity = 10 },
        new() { Id = 3, Name = "Kuchnia", Aliases = "kuchnia, кухня, kukhnia, kuhnia, kitchen", Capacity = 8 },
    ];

    /// <summary>"date=2026-11-27;room=Sala mała;start=17:00": the recognizer's slots in the sets' form.</summary>
    public static string Slots(Understood u) => Normalize(string.Join(';', new[]
    {
        u.Room is null ? null : $"room={u.Room}",
        u.Date is { } d ? $"date={d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}" : null,
        u.Start is { } s ? $"start={s.ToString("HH:mm", CultureInfo.InvariantCulture)}" : null,
        u.End is { } e ? $"end={e.ToString("HH:mm", CultureInfo.InvariantCulture)}" : null,
        u.DurationMinutes is { } m ? $"durationMinutes={m}" : null,
        u.People is { } p ? $"people={p}" : null,
        u.Event is null ? null : $"event={u.Event}",
    }.Where(x => x is not null)));

    public static string Normalize(string slots) =>
        string.Join(';', slots.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Order(StringComparer.Ordinal));

    public static string Percent(double share) => share.ToString("P1", CultureInfo.InvariantCulture);

    /// <summary>A figure for ./test.sh to print at the end of the run (xunit keeps passing tests' output to itself).</summary>
    public static void Report(string name, string summary)
    {
        if (Environment.GetEnvironmentVariable("MAMBOT_REPORTS") is not { Length: > 0 } reports) return;
        Directory.CreateDirectory(reports);
        File.WriteAllText(Path.Combine(reports, $"{name}.txt"), summary + Environment.NewLine);
    }
}
