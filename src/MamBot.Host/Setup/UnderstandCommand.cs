using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using MamBot.Data;
using MamBot.Data.Centres;
using MamBot.Data.Residents;
using MamBot.Dialogs.Understanding;

namespace MamBot.Host.Setup;

/// <summary>
/// <c>dotnet run --project src/MamBot.Host -- understand "tekst" [--lang uk] [--now 2026-12-01T10:00]</c>: prints
/// what the offline recognizer makes of a sentence, read first in the given language (pl, uk or en; Polish by
/// default), as one JSON object, with the centre's rooms from the app database.
/// </summary>
public static class UnderstandCommand
{
    private static readonly JsonSerializerOptions Json = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // "Sala mała", not "Sala ma\\u0142a"
    };

    public static bool Matches(string[] args) => args.Length > 0 && args[0] == "understand";

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter errors)
    {
        var rest = args.Skip(1).ToList();
        var now = DateTimeOffset.UtcNow;
        var nowAt = rest.IndexOf("--now");
        if (nowAt >= 0)
        {
            if (nowAt + 1 >= rest.Count || !DateTime.TryParse(rest[nowAt + 1], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            {
                await errors.WriteLineAsync("--now needs a local Kraków time like 2026-12-01T10:00");
                return 2;
            }
            now = new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Krakow), TimeSpan.Zero);
            rest.RemoveRange(nowAt, 2);
        }
        var language = Languages.Polish;
        var langAt = rest.IndexOf("--lang");
        if (langAt >= 0)
        {
            if (langAt + 1 >= rest.Count || Languages.Match(rest[langAt + 1]) is not { } chosen)
            {
                await errors.WriteLineAsync("--lang needs one of: " + string.Join(", ", Languages.All));
                return 2;
            }
            language = chosen;
            rest.RemoveRange(langAt, 2);
        }
        var settings = rest.Where(a => a.StartsWith("--", StringComparison.Ordinal)).ToArray();
        var text = string.Join(' ', rest.Where(a => !a.StartsWith("--", StringComparison.Ordinal)));
        if (text.Length == 0)
        {
            await errors.WriteLineAsync("usage: understand \"tekst\" [--lang pl|uk|en] [--now 2026-12-01T10:00]");
            return 2;
        }

        var rooms = await RoomsAsync(settings);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(now.UtcDateTime, Krakow));
        var u = IntentRecognizer.Recognize(text, today, rooms, language);
        var slots = new Dictionary<string, object?>
        {
            ["room"] = u.Room,
            ["date"] = u.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["start"] = u.Start?.ToString("HH:mm", CultureInfo.InvariantCulture),
            ["end"] = u.End?.ToString("HH:mm", CultureInfo.InvariantCulture),
            ["durationMinutes"] = u.DurationMinutes,
            ["people"] = u.People,
            ["event"] = u.Event,
        }.Where(s => s.Value is not null).ToDictionary();
        await output.WriteLineAsync(JsonSerializer.Serialize(new { intent = u.Intent, slots }, Json));
        return 0;
    }

    private static TimeZoneInfo Krakow => TimeZoneInfo.FindSystemTimeZoneById("Europe/Warsaw");

    /// <summary>The default centre's rooms, from the same database and configuration the bot uses.</summary>
    private static async Task<IReadOnlyList<Room>> RoomsAsync(string[] settings)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = settings, ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.AddMamStorage();
        await using var app = builder.Build();
        await app.PrepareMamStorageAsync();
        await using var scope = app.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<CentreDirectory>().GetDefaultAsync(default)).Rooms;
    }
}
