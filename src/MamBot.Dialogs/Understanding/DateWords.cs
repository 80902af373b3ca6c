using System.Globalization;
using System.Text.RegularExpressions;

namespace MamBot.Dialogs.Understanding;

/// <summary>
/// Puts the Ukrainian (Cyrillic or Latin letters) and English words for days, times, lengths and head counts
/// into the Polish words <see cref="TypedDates"/> reads: "завтра о 18" → "jutro o 18", "Friday 5–7pm" →
/// "piatek 17:00-19:00", "for 8 people" → "for 8 osob". One reader then serves every language, and a resident
/// who mixes them ("jutro at 6 pm") is understood too. Works on <see cref="TypedText.Simplify"/>d text.
/// Words that are also Polish ("ten", "do", "na") are only touched next to a number.
/// </summary>
public static partial class DateWords
{
    private static readonly string[] PolishMonths =
        ["stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia", "wrzesnia", "pazdziernika", "listopada", "grudnia"];

    // Every English month name the regexes below accept begins with these three letters, and no two share them.
    private static readonly string[] EnglishMonths = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    private static readonly string[] UkrainianMonths = ["січ", "лют", "берез", "квіт", "трав", "черв", "лип", "серп", "верес", "жовт", "листопад", "груд"];

    // Russian is read, never spoken: "12 декабря".
    private static readonly string[] RussianMonths = ["январ", "феврал", "март", "апрел", "ма", "июн", "июл", "август",
        "сентябр", "октябр", "ноябр", "декабр"];

    /// <summary>
    /// Whole words and phrases, in order: longer phrases before the words inside them. No apostrophes: Simplify
    /// drops one inside a word, so "пʼятниця", "п'ятниця" and "пятниця" all reach "пятниц".
    /// </summary>
    private static readonly (Regex Pattern, string Polish)[] Words = Build(
    [
        // English days
        (@"(?:the )?day after (?:tomorrow|tmrw|tmr|2moro)", "pojutrze"), ("tonight|tonite|2nite", "dzis wieczorem"),
        ("today|2day|tdy", "dzis"), ("(?:tomorrow|tomorow|tommorow|tmrw|tmr|tmw|2moro|2morrow|2mrw)s?|jtr", "jutro"),
        (@"jutrzejsz\w*|завтрашн\w*", "jutro"),
        // "na godzinkę", "на годинку", "на часик": an hour, said fondly.
        (@"pol\s+godzin(?:k|ki|ke|ka|ek)\b|пів\s+годинки|полчасика", "30 minut"),
        (@"godzink\w*|годинк\w*|годиночк\w*|часик\w*", "godzine"),
        // "з 13 години", "с 13 часов": a clock hour after "from", never a length of thirteen hours.
        (@"(?:з|із|зі|z|с|со|от|від|vid)\s+(\d{1,2})\s+(?:години|годин|hodyny|часов|часа|godziny)", "od $1"),
        // "między 12 a 14", "між 12 і 14", "между 12 и 14": a range.
        (@"(?:miedzy|між|между)\s+(\d{1,2}(?::\d{2})?)\s+(?:a|і|и|та)\s+(\d{1,2}(?::\d{2})?)", "od $1 do $2"),
        // "we trójkę", "на четверых": how many come, said as a group.
        (@"we\s+dwo(?:jke|je|ch)|we\s+dwie|на\s+двоих", "dla 2 osob"), (@"we\s+tr(?:ojke|oje|zech)|на\s+троих", "dla 3 osob"),
        (@"we\s+czw(?:orke|oro)|we\s+czterech|на\s+четверых", "dla 4 osob"), (@"w\s+pi(?:atke|ecioro|eciu)|на\s+пятерых", "dla 5 osob"),
        (@"(?<=\d\s?)(?:чел|чол)\.?", "osob"),
        // Polish short day names after "w"/"we": "w pon wieczorem", "we wt", "w sob".
        (@"(?<=\bwe?\s)pon\.?", "poniedzialek"), (@"(?<=\bwe?\s)wt\.?", "wtorek"), (@"(?<=\bwe?\s)sr\.?", "sroda"),
        (@"(?<=\bwe?\s)czw\.?", "czwartek"), (@"(?<=\bwe?\s)pt\.?", "piatek"), (@"(?<=\bwe?\s)sob\.?", "sobota"),
        (@"(?<=\bwe?\s)(?:ndz|niedz)\.?", "niedziela"),
        // Without "w", a short day name is a day only before a time or a dash, or at the end: "pt 18-20", "sob - 6".
        (ShortDay("pon|пн"), "poniedzialek"), (ShortDay("wt|вт"), "wtorek"), (ShortDay("sr|ср"), "sroda"),
        (ShortDay("czw|чт"), "czwartek"), (ShortDay("pt|пт"), "piatek"), (ShortDay("sob|сб"), "sobota"),
        (ShortDay("ndz|niedz|нд|вс"), "niedziela"),
        (@"in (?:a|one) week|a week from (?:now|today)", "za tydzien"),
        (Day("monday", "mon"), "poniedzialek"), (Day("tuesday", "tues?"), "wtorek"), (Day("wednesday", "wed"), "sroda"),
        (Day("thursday", "thu(?:rs?)?"), "czwartek"), (Day("friday", "fri"), "piatek"), (Day("saturday", "sat"), "sobota"),
        (Day("sunday", "sun"), "niedziela"), ("next", "nastepny"),
        (@"in the morning|morning", "rano"), (@"in the afternoon|afternoon", "po poludniu"), (@"in the evening|evening", "wieczorem"),
        (@"noon|midday", "12:00"),
        // "od południa", "з полудня", "с полудня": from noon; "do południa" until it.
        (@"(?:od|z|з|із|від|vid|с|со|от)\s+(?:poludnia|полудня|poludnia|poludnya)", "od 12:00"),
        (@"(?:do|до)\s+(?:poludnia|полудня)", "do 12:00"),
        // "after 5", "після пʼятої", "после пяти": from then on.
        (@"(?:after|після|pisl[iy]a|после|posle)(?=\s+\d)", "po"),
        (@"(?:a\s+)?couple(?:\s+of)?\s+hours?", "2 godziny"),
        // English lengths and head counts
        (@"(?:an?|one) hour and a half|one and a half hours?", "poltorej godziny"),
        (@"half an hour|half hour|pol godziny|pol h|пів години|півгодини|pivhodyny|piv hodyny|полчаса|пол часа",
            "30 minut"),
        (@"what time", "ktora godzine"), (@"(?:an?|one) hour", "godzine"), (@"hours?|hrs?", "godzin"), (@"minutes?|mins?", "minut"),
        // Children and abbreviations count as heads: "25 kids", "20 ppl".
        (@"people|ppl|persons?|guests|participants|adults|kids|children|of us", "osob"),
        // "10 os.", "10 ос": the Polish and Ukrainian short form after a number.
        (@"(?<=\d\s?)(?:os|ос)\.?", "osob"),
        // "we're 4" reaches here as "were 4": Simplify drops the apostrophe inside a word.
        (@"we\s?ll be|we will be|we are|we re|were(?=\s+\d)|there will be", "bedzie nas"),
        // Ukrainian days (Cyrillic and Latin letters)
        // Russian "в 6 часов" is a clock time; "на 2 часа" stays a length.
        (@"(?:в|во|к) (\d{1,2}) (?:час|часа|часов)", "o $1"),
        ("післязавтра|послезавтра|pisl[iy]a ?zavtra", "pojutrze"), ("завтра|zavtra", "jutro"),
        ("сьогодні|сегодня|s[oe]h?odni|s[eo]godn[iy]a", "dzis"),
        (@"(?:через|за) тиждень|через неделю|(?:cherez|za) tyzhden", "za tydzien"),
        // "по пʼятницях", "по пятницам": every Friday, no one date.
        (@"по\s+(?:понеділк|вівторк|середах|середам|четверг|пятниц|пiятниц|суботах|субботам|неділях|воскресень)\w*", "co tydzien"),
        (@"понеділ\w*|понедельник\w*|ponedil\w*", "poniedzialek"), (@"вівтор\w*|вторник\w*|vivtor\w*", "wtorek"),
        (@"серед[аиуі]|сред[аыу]|sered[auy]", "sroda"), (@"четвер(?!о)\w*|chetver\w*", "czwartek"),
            (@"пятниц\w*|п[іи]ятниц\w*|p[iyj]?[ijy]atn[yi](?:ts|c)\w*", "piatek"),
        (@"суб+от\w*|subot\w*", "sobota"), (@"неділ\w*|воскресень\w*|nedil\w*", "niedziela"),
            (@"наступн\w*|следующ\w*|nastupn\w*", "nastepny"),
        (@"вранці|уранці|зранку|ранком|ранку|утром|утра|vrant?s?i|vranci|zranku", "rano"),
        (@"після обіду|по обіді|після обід|после обеда|вдень|удень|днем|днём|(?<=\d\s)дня"
            + @"|(?:p[iy]sl[iy]?a|posle) ob[iey]d[ua]|after lunch", "po poludniu"),
        (@"ввечері|увечері|ввечорі|вечором|вечора|вечера|вечером|vvecheri|uvecheri|vechora", "wieczorem"),
        (@"півтори години|pivtory hodyny|полтора часа", "poltorej godziny"),
        (@"(?:яку|котру) годину|(?:yaku|kotru) hodynu", "ktora godzine"), (@"годину|hodynu|на час|na chas", "godzine"),
            (@"годин\w*|год|hodyn\w*|(?<=\d\s?)(?:час|часа|часов|chas|chasa|chasov)", "godzin"),
        (@"хвилин\w*|хв|k?hvylyn\w*|минут\w*|мин", "minut"),
        (@"осіб|особи|особа|людей|людини|учасник\w*|чоловік|человек\w*|дітей|діток|детей|osib"
            + @"|l(?:iu|yu|ju|i|y)?ud(?:ei|ey|ej|ij|yi)", "osob"),
        // "будет человек 30": Russian puts the number after the noun when it is about that many.
        (@"(?:будет|буде|bude) osob(?=\s+\d)", "bedzie nas"),
        (@"нас буде|буде нас|nas bude|bude nas|нас будет|будет нас|нас(?=\s+\d)", "bedzie nas"),
            ("прийде|придет", "przyjdzie"),
            ("для", "dla"),
    ]);

    // "wed", "sat", "sun" are days only where a day is expected ("on sat", "fri 4.12"): "we'd like" reaches here as
    // "wed like", and "the sun" or "I sat" are no days.
    private static string Day(string name, string abbreviation) =>
        $@"{name}|(?<=(?:^|,|\b(?:on|for|this|next|till|until|by|from|every|or|and))\s?)(?:{abbreviation})(?=\.?(?:\s+\d|\s*$|\s*[,?]))|(?<=\b(?:on|for|this|next|every|till|until|by|from)\s)(?:{abbreviation})"
        + $@"|(?:{abbreviation})(?=\.?\s+\d)";

    private static string ShortDay(string abbreviations) => $@"(?:{abbreviations})\.?(?=\s+\d|\s*[-–,?]|\s*$)";

    public static string ToPolish(string simplified) => simplified.Length == 0 ? simplified : Translated[simplified];

    // Some sixty patterns run over the text: the recognizer asks for a day, times, a length, a head count and a
    // part of the day of the same sentence, so the work is done once.
    private static readonly TextMemo<string> Translated = new(Translate);

    private static string Translate(string simplified)
    {
        // Day first before month first: in "the 5th of december 3 to 6 pm" the 3 is an hour, not the day.
        var t = EnglishDayFirst().Replace(simplified,
            m => m.Groups["d"].Value + " " + PolishMonths[MonthOf(m.Groups["month"].Value)]);
        t = EnglishMonthFirst().Replace(t,
            m => m.Groups["d"].Value + " " + PolishMonths[MonthOf(m.Groups["month"].Value)]);
        t = CyrillicMonth().Replace(t,
            m => m.Groups["d"].Value + " " + PolishMonths[CyrillicMonthOf(m.Groups["month"].Value)]);
        t = HourSuffix().Replace(t, "${h}");
        t = HoursGlued().Replace(t, " godzin"); // "2hrs", "3hours"
        // Number words first, so that "six pm" and "at ten" are digits the patterns below know.
        t = NumberWords.ToDigits(t);
        t = MeridiemRange().Replace(t, m =>
        {
            var end = Hour24(m.Groups["b"].Value, m.Groups["bp"].Value);
            // "5–7pm": the start shares the end's half of the day when that keeps it earlier; "11am–1pm" says its own.
            var start = m.Groups["ap"].Success ? Hour24(m.Groups["a"].Value, m.Groups["ap"].Value)
                : Hour24(m.Groups["a"].Value, m.Groups["bp"].Value) is var shared && shared < end ? shared : Hour24(m.Groups["a"].Value, "");
            return Clock(start, m.Groups["am"]) + "-" + Clock(end, m.Groups["bm"]);
        });
        t = Meridiem().Replace(t, m => Clock(Hour24(m.Groups["h"].Value, m.Groups["p"].Value), m.Groups["m"]));
        t = OClock().Replace(t, "$1:00");
        foreach (var (pattern, polish) in Words) t = pattern.Replace(t, polish);
        t = FromBeforeNumber().Replace(t, "od ");
        t = AtBeforeNumber().Replace(t, "o ");
        t = UntilBetweenNumbers().Replace(t, " do ");
        t = OnBeforeNumber().Replace(t, "na ");
        return t;
    }

    private static (Regex, string)[] Build((string Pattern, string Polish)[] words) =>
        [.. words.Select(w => (new Regex($@"(?<![\w:])(?:{w.Pattern})(?!\w)", RegexOptions.CultureInvariant), w.Polish))];

    private static int MonthOf(string english) => Array.IndexOf(EnglishMonths, english[..3]);

    private static int CyrillicMonthOf(string month) =>
        Array.FindIndex(UkrainianMonths, s => month.StartsWith(s, StringComparison.Ordinal)) is var uk and >= 0 ? uk
            : Array.FindIndex(RussianMonths, s => month.StartsWith(s, StringComparison.Ordinal));

    /// <summary>An hour in 24-hour time: "7" with "pm" → 19, "12" with "am" → 0.</summary>
    private static int Hour24(string hour, string meridiem)
    {
        var h = int.Parse(hour, CultureInfo.InvariantCulture);
        return meridiem.StartsWith('p') && h < 12 ? h + 12 : meridiem.StartsWith('a') && h == 12 ? 0 : h;
    }

    /// <summary>"17:30"; an hour past 23 stays as typed ("25pm") so the reader refuses it.</summary>
    private static string Clock(int hour, Group minutes) =>
        string.Create(CultureInfo.InvariantCulture, $"{hour:00}:{(minutes.Success ? minutes.Value : "00")}");

    [GeneratedRegex(@"\b(?<a>\d{1,2})(?::(?<am>\d{2}))?\s*(?<ap>a\.?m\.?|p\.?m\.?)?\s*(?:-|–|to|till|until|and)\s*(?<b>\d{1,2})(?::(?<bm>\d{2}))?\s*(?<bp>a\.?m\.?|p\.?m\.?)(?![a-z])")]
    private static partial Regex MeridiemRange();

    [GeneratedRegex(@"\b(?<h>\d{1,2})(?::(?<m>\d{2}))?\s*(?<p>a\.?m\.?|p\.?m\.?)(?![a-z])")]
    private static partial Regex Meridiem();

    [GeneratedRegex(@"(?<=\b\d{1,2}(?:[.,]5)?)(?:hrs?|hours?)\b")]
    private static partial Regex HoursGlued();

    [GeneratedRegex(@"\b(\d{1,2})\s*oclock\b")]
    private static partial Regex OClock();

    [GeneratedRegex(@"\b(?<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t|tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s+(?:the\s+)?(?<d>\d{1,2})(?:st|nd|rd|th)?\b")]
    private static partial Regex EnglishMonthFirst();

    [GeneratedRegex(@"\b(?<d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t|tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b")]
    private static partial Regex EnglishDayFirst();

    [GeneratedRegex(@"\b(?<d>\d{1,2})\s+(?<month>(?:січ|лют|берез|квіт|трав|черв|лип|серп|верес|жовт|листопад|груд|январ|феврал|март|апрел|ма[яй]|июн|июл|август|сентябр|октябр|ноябр|декабр)\w*)")]
    private static partial Regex CyrillicMonth();

    /// <summary>"о 18-й годині", "о 18 годині": the hour without its ending and without "o'clock".</summary>
    [GeneratedRegex(@"(?<h>\d{1,2})(?:-?(?:й|ій|ої))?\s+(?:годині|hodyni)(?!\w)|(?<h>\d{1,2})-(?:й|ій|ої)(?!\w)")]
    private static partial Regex HourSuffix();

    // "з 17 до 19", never "z 2 dziećmi": a bare "з" or "z" starts a time only in a range or at the very end.
    [GeneratedRegex(@"(?<![\w])(?:(?:from|between|від|vid|от)\s+(?=\d)|(?:з|із|зі|z|с|со)\s+(?=\d{1,2}(?:[:.]\d{2})?(?:\s*(?:-|–|до|do)\s*\d|\s*$)))")]
    private static partial Regex FromBeforeNumber();

    // Latin "v 12" is Ukrainian or Russian "at": no Polish word is "v".
    [GeneratedRegex(@"(?<![\w])(?:at|around|about|о|об|ob|в|во|v|около|к)\s+(?=\d)(?!\d*\s*(?:godz|minut|osob))")]
    private static partial Regex AtBeforeNumber();

    [GeneratedRegex(@"(?<=\d)\s+(?:to|till|til|until|and|до)\s+(?=\d)")]
    private static partial Regex UntilBetweenNumbers();

    [GeneratedRegex(@"(?<![\w])на\s+(?=\d)")]
    private static partial Regex OnBeforeNumber();
}
