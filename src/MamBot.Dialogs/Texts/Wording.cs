using System.Globalization;
using MamBot.Data.Centres;
using MamBot.Data.Residents;

namespace MamBot.Dialogs.Texts;

/// <summary>
/// Plural forms, dates and hours in the language spoken now (<see cref="Language"/>), with the words from the
/// resource files (no dependency on ICU data): "5 osób, piątek, 12 grudnia", "5 осіб, пʼятниця, 12 грудня",
/// "5 people, Friday 12 December".
/// </summary>
public static class Wording
{
    /// <summary>Digits and separators for string.Format; the words come from resources.</summary>
    public static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    public static string Format(string template, params object?[] args) => string.Format(Culture, template, args);

    /// <summary>A title in the quotes of the language spoken: „Joga”, «Йога», “Yoga”.</summary>
    public static string Quoted(string text) => Format(T.Quoted, text);

    /// <summary>
    /// Picks the form for n by the rule of the language spoken now. Polish "one|few|many": 1 osoba, 2 osoby,
    /// 5 osób, 22 osoby, 12 osób. Ukrainian "one|few|many", where 21 takes "one" and 11–14 "many": 1 особа,
    /// 21 особа, 3 особи, 11 осіб. English "one|other": 1 person, 2 people.
    /// </summary>
    public static string Plural(long n, string forms)
    {
        var f = forms.Split('|');
        var abs = Math.Abs(n);
        var (lastDigit, lastTwo) = (abs % 10, abs % 100);
        string FewOrMany() => lastDigit is >= 2 and <= 4 && lastTwo is < 12 or > 14 ? f[1] : f[2];
        return Language.Current switch
        {
            Languages.English => abs == 1 ? f[0] : f[^1],
            Languages.Ukrainian => lastDigit == 1 && lastTwo != 11 ? f[0] : FewOrMany(),
            _ => abs == 1 ? f[0] : FewOrMany(),
        };
    }

    public static string Count(long n, string forms) => $"{n.ToString(Culture)} {Plural(n, forms)}";

    public static string DayName(DayOfWeek day) => T.DayNames.Split('|')[(int)day];

    /// <summary>"piątek, 27 listopada" → "Piątek, 27 listopada": at the start of a sentence.</summary>
    public static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    /// <summary>"w piątek", "we wtorek", "w środę".</summary>
    public static string OnDay(DayOfWeek day) => T.DayNamesWithPreposition.Split('|')[(int)day];

    /// <summary>The weekday in the case the words before it need (see <see cref="DayCase"/>).</summary>
    public static string DayName(DayOfWeek day, DayCase form) => form switch
    {
        DayCase.Accusative => T.DayNamesAccusative.Split('|')[(int)day],
        DayCase.Genitive => T.DayNamesGenitive.Split('|')[(int)day],
        DayCase.OnDay => OnDay(day),
        _ => DayName(day),
    };

    public static string MonthGenitive(int month) => T.MonthNamesGenitive.Split('|')[month - 1];

    /// <summary>"12 grudnia": reads right after "do", "od", "przed" (a weekday would need another case).</summary>
    public static string DayAndMonth(DateOnly date) => $"{date.Day} {MonthGenitive(date.Month)}";

    /// <summary>"piątek, 12 grudnia"; after "na" "środę, 2 grudnia", after "od" "wtorku, 1 grudnia", alone "we wtorek, 1 grudnia";
    /// "пʼятниця, 12 грудня"; "Friday 12 December".</summary>
    public static string Date(DateOnly date, DayCase form = DayCase.Nominative) =>
        Format(T.DateFormat, DayName(date.DayOfWeek, form), date.Day, MonthGenitive(date.Month));

    /// <summary>"piątek, 12 grudnia, 18:00" in the centre's time zone (DST included), the weekday in the case asked.</summary>
    public static string DateTime(DateTime utc, TimeZoneInfo zone, DayCase form = DayCase.Nominative)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(System.DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);
        return $"{Date(DateOnly.FromDateTime(local), form)}, {Time(TimeOnly.FromDateTime(local))}";
    }

    public static string Time(TimeOnly time) => time.ToString("HH:mm", Culture);

    /// <summary>"17:00" on the centre's clock for a stored UTC instant.</summary>
    public static string Time(DateTime utc, TimeZoneInfo zone) => Time(TimeOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(utc, zone)));

    /// <summary>"czw. 26.11" in the centre's time zone: for buttons, where there is little room.</summary>
    public static string ShortDate(DateTime utc, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(System.DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);
        return $"{T.DayNamesShort.Split('|')[(int)local.DayOfWeek]} {local.Day}.{local.Month:D2}";
    }

    /// <summary>Opening hours, one line per run of days with the same hours: "poniedziałek–piątek: 10:00–20:00".</summary>
    public static IReadOnlyList<string> OpeningHours(IEnumerable<OpeningHours> hours)
    {
        var byDay = hours.GroupBy(h => h.Day).ToDictionary(
            g => g.Key,
            g => string.Join(", ", g.OrderBy(h => h.Opens).Select(h => $"{Time(h.Opens)}–{Time(h.Closes)}")));
        if (byDay.Count == 0) return [];

        DayOfWeek[] week = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];
        var lines = new List<string>();
        var start = 0;
        for (var i = 1; i <= week.Length; i++)
        {
            var startHours = byDay.GetValueOrDefault(week[start], T.HoursClosed);
            if (i < week.Length && byDay.GetValueOrDefault(week[i], T.HoursClosed) == startHours) continue;
            var days = i - 1 == start ? DayName(week[start]) : $"{DayName(week[start])}–{DayName(week[i - 1])}";
            lines.Add(string.Format(Culture, T.HoursLine, days, startHours));
            start = i;
        }
        return lines;
    }

    /// <summary>
    /// Words the team wrote (house rules, FAQ, event descriptions, announcements, surveys) are Polish. In another
    /// language one line says so, so nobody thinks the assistant forgot to translate.
    /// </summary>
    public static string ByTheTeam(string text) => ByTheTeam(text, Language.Current == Languages.Polish);

    /// <summary>
    /// Words the team wrote, composed into one text: with the line saying they are Polish unless every part was
    /// read in the language spoken (<see cref="TeamText"/>).
    /// </summary>
    public static string ByTheTeam(string text, bool inLanguageSpoken) =>
        inLanguageSpoken || Language.Current == Languages.Polish || string.IsNullOrWhiteSpace(text) ? text : text + "\n" + T.TeamWritesPolish;

    /// <summary>The line that tells how to reach a person: phone, e-mail and address, whatever the centre has.</summary>
    public static string HumanContact(Centre centre) =>
        string.Format(Culture, T.HumanContact, ContactChannels(centre), centre.Address);

    public static string ContactChannels(Centre centre) =>
        string.Join(", ", new[] { centre.Phone, centre.Email }.Where(s => !string.IsNullOrWhiteSpace(s)));

    public static string ChannelName(string channel) => channel switch
    {
        "webchat" => T.ChannelWebChat,
        "telegram" => T.ChannelTelegram,
        "messenger" => T.ChannelMessenger,
        _ => channel,
    };
}

/// <summary>The case a weekday takes from the words before it.</summary>
public enum DayCase
{
    /// <summary>"piątek, 12 grudnia" as a label or after a colon.</summary>
    Nominative,

    /// <summary>After "na": "przeniesiono na środę".</summary>
    Accusative,

    /// <summary>After "od", "do": "od wtorku".</summary>
    Genitive,

    /// <summary>With its own preposition, after a word that needs none: "ostatnio we wtorek", "zgłoszony w środę".</summary>
    OnDay,
}
