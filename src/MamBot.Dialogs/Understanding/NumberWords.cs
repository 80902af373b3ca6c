using System.Globalization;
using System.Text.RegularExpressions;

namespace MamBot.Dialogs.Understanding;

/// <summary>
/// Hours and counts typed as words, put into digits before <see cref="DateWords"/> reads them: "od dziesiątej do
/// dwunastej" → "od 10 do 12", "о шостій вечора" → "о 6 вечора", "at ten" → "at 10", "dla dziesięciu osób" →
/// "dla 10 osób", "dwie i pół godziny" → "2.5 godziny", "o wpół do siódmej" → "o 6:30". A number word becomes a
/// digit only where it can only be a time or a count: after a word that starts an hour, before a unit or a part
/// of the day, or as the other end of a range; "druga sala" and "one of you" stay words.
/// </summary>
internal static partial class NumberWords
{
    /// <summary>Cardinal numbers in every case residents use them in, Polish, Ukrainian, Russian and English.</summary>
    private static readonly Dictionary<string, int> Cardinals = Table(
        (1, "jeden jedna jedno jednej jednego jednym один одна одну одного однієї одной one"),
        (2, "dwa dwie dwoch dwoje dwojga dwoma dwiema два дві двох двоє две двое двух two"),
        (3, "trzy trzech troje trojga trzema три трьох троє трех трёх трое three"),
        (4, "cztery czterech czworo czworga czterema czworke чотири чотирьох четверо четыре четырех четырёх четверых four"),
        (5, "piec pieciu piecioro pieciorga пять пяти пятьох пятеро five"),
        (6, "szesc szesciu szescioro шість шести шістьох шестеро шесть six"),
        (7, "siedem siedmiu siedmioro сім семи сімох семеро семь seven"),
        (8, "osiem osmiu osmioro вісім восьми вісьмох восьмеро восемь eight"),
        (9, "dziewiec dziewieciu dziewiecioro девять девяти девятьох девятеро nine"),
        (10, "dziesiec dziesieciu dziesiecioro десять десяти десятьох десятеро ten"),
        (11, "jedenascie jedenastu одинадцять одинадцяти одиннадцать одиннадцати eleven"),
        (12, "dwanascie dwunastu дванадцять дванадцяти двенадцать двенадцати twelve dozen tuzin"),
        (13, "trzynascie trzynastu тринадцять тринадцяти тринадцать тринадцати thirteen"),
        (14, "czternascie czternastu чотирнадцять чотирнадцяти четырнадцать четырнадцати fourteen"),
        (15, "pietnascie pietnastu пятнадцять пятнадцяти пятнадцать пятнадцати fifteen"),
        (16, "szesnascie szesnastu шістнадцять шістнадцяти шестнадцать шестнадцати sixteen"),
        (17, "siedemnascie siedemnastu сімнадцять сімнадцяти семнадцать семнадцати seventeen"),
        (18, "osiemnascie osiemnastu вісімнадцять вісімнадцяти восемнадцать восемнадцати eighteen"),
        (19, "dziewietnascie dziewietnastu девятнадцять девятнадцяти девятнадцать девятнадцати nineteen"),
        (20, "dwadziescia dwudziestu двадцять двадцяти двадцать двадцати twenty"),
        (30, "trzydziesci trzydziestu тридцять тридцяти тридцать тридцати thirty"),
        (40, "czterdziesci czterdziestu сорок сорока forty"),
        (50, "piecdziesiat piecdziesieciu пятдесят пятдесяти пятьдесят пятидесяти fifty"));

    /// <summary>
    /// Stems of the ordinal hour words (Polish "o szóstej", Ukrainian "о шостій"), 1 to 20; 21–23 are
    /// "dwudziesta pierwsza", "двадцять перша". The endings are every case after o/od/do/na/przed/po.
    /// </summary>
    private static readonly Dictionary<string, int> OrdinalStems = Table(
        (1, "pierwsz перш"), (2, "drug друг"), (3, "trzeci трет"), (4, "czwart четверт"), (5, "piat пят"),
        (6, "szost шост"), (7, "siodm сьом"), (8, "osm восьм"), (9, "dziewiat девят"), (10, "dziesiat десят"),
        (11, "jedenast одинадцят"), (12, "dwunast дванадцят"), (13, "trzynast тринадцят"), (14,
            "czternast чотирнадцят"),
        (15, "pietnast пятнадцят"), (16, "szesnast шістнадцят"), (17, "siedemnast сімнадцят"), (18,
            "osiemnast вісімнадцят"),
        (19, "dziewietnast девятнадцят"), (20, "dwudziest двадцят"));

    private static readonly string CardinalWords = Alternatives(Cardinals.Keys);
    private static readonly string OrdinalWords = $"(?:{Alternatives(OrdinalStems.Keys)})(?:a|i?ej|e|ої|ій|у|я|ьої|ю)";

    // A number made of words: "dwadzieścia pięć", "twenty five", "двадцять п'ять".
    private static readonly string Cardinal = $@"(?<n>(?:{CardinalWords})(?:[\s-]+(?:{CardinalWords}))?)";

    // "dwudziesta pierwsza", "двадцять перша": the tens of an hour take the cardinal in Ukrainian.
    private static readonly string Ordinal = $@"(?<o>(?:(?:dwudziest(?:a|ej|e)|двадцять)\s+)?{OrdinalWords})";

    // Units a count stands before, as typed in each language (DateWords puts them into Polish afterwards).
    private const string Unit = @"(?:osob\w*|os\b|ludzi|uczestnik\w*|godz\w*|h\b|minut\w*|min\b|people|ppl|persons?|guests|adults|kids|children"
        + @"|participants|hours?|hrs?|minutes?|mins?|of us|осіб|особ\w*|людей|людини|дітей|детей|учасник\w*|годин\w*|год\b|хвилин\w*|хв\b"
        + @"|человек\w*|час\w*|минут\w*|мин\b)";

    private const string Half = @"(?<half>\s+(?:i pol|and a half|з половиною|с половиной))?";

    // Words after which an ordinal is an hour ("od dziesiątej", "з десятої"); "na drugą" too, never "druga sala".
    private const string OrdinalBefore = @"(?:o|od|do|po|przed|okolo|miedzy|na|о|об|з|із|зі|від|до|на|після|перед|близько|між)";

    // Words after which a cardinal is an hour. Polish says hours as ordinals, so "na dwie", "do dwóch" stay
    // counts; "в"/"с"/"к" are Russian "at"/"from"/"by".
    private const string CardinalBefore = @"(?:at|from|between|until|till|by|around|about|before|after|past|quarter to"
        + @"|о|об|з|із|від|до|після|близько|в|во|с|со|от|к|около|после)";

    // Parts of the day and o'clock, after which a number is an hour.
    private const string HourAfter = @"(?:oclock|o clock|pm|am|p\.m|a\.m|wieczorem|wieczor|rano|po poludniu|in the (?:morning|afternoon|evening)|tonight"
        + @"|вечора|ввечері|увечері|ранку|вранці|дня|вечером|вечера|утра|утром|ночи|ночі)";

    /// <summary>The simplified text with the number words that are hours or counts put into digits.</summary>
    public static string ToDigits(string simplified)
    {
        // British "half five" is half past five.
        var t = BritishHalf.Replace(simplified, "half past ");
        t = CountRegex().Replace(t, m => Number(m.Groups["n"].Value) is { } n
            ? Digits(n) + (m.Groups["half"].Success ? ",5" : "") + m.Groups["unit"].Value : m.Value);
        t = WeAre().Replace(t, m => Number(m.Groups["n"].Value) is { } n ? Digits(n) : m.Value);
        t = HourWord().Replace(t, m => Hour(m) is { } h ? Digits(h) : m.Value);
        // The other end of a range: "from 10 to twelve", "od 10 do dwunastej".
        t = RangeEnd().Replace(t, m => Hour(m) is { } h ? m.Groups["head"].Value + Digits(h) : m.Value);
        t = HalfPast().Replace(t, m => HalfHour(m));
        // "2 i pół godziny", "2 and a half hours": digits typed with the half in words.
        t = DigitsAndAHalf().Replace(t, ",5");
        return t;
    }

    /// <summary>A count or a length in words alone, as a bare answer: "dziesięć", "десятеро", "twenty five".</summary>
    public static int? Number(string folded)
    {
        var words = folded.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length is 0 or > 2 || !Cardinals.TryGetValue(words[0], out var first)) return null;
        if (words.Length == 1) return first;
        // Only "twenty five": tens and then units.
        return Cardinals.TryGetValue(words[1],
            out var second) && first >= 20 && first % 10 == 0 && second < 10 ? first + second : null;
    }

    private static int? Hour(Match m)
    {
        if (m.Groups["n"].Success) return Number(m.Groups["n"].Value) is { } n && n <= 24 ? n : null;
        var words = m.Groups["o"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var tens = words.Length == 2 ? 20 : 0;
        var stem = OrdinalStems.Keys.OrderByDescending(s => s.Length).FirstOrDefault(s => words[^1].StartsWith(s,
            StringComparison.Ordinal));
        if (stem is null) return null;
        var hour = tens + OrdinalStems[stem];
        return hour <= 24 ? hour : null;
    }

    /// <summary>"wpół do 7", "пів на 7", "half past 6", "quarter past 6", "quarter to 7".</summary>
    private static string HalfHour(Match m)
    {
        var h = int.Parse(m.Groups["h"].Value, CultureInfo.InvariantCulture);
        var how = m.Groups["how"].Value;
        var (hour, minute) = how switch
        {
            "half past" => (h, 30),
            "quarter past" => (h, 15),
            "quarter to" => (h - 1, 45),
            _ => (h - 1, 30), // "wpół do siódmej" is half past six
        };
        if (hour == 0) hour = 12; // "пів на першу", "wpół do pierwszej": half past noon at a centre, never 00:30
        return hour is >= 0 and < 24 ? string.Create(CultureInfo.InvariantCulture, $"{hour}:{minute:00}") : m.Value;
    }

    private static string Digits(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static Dictionary<string, int> Table(params (int Value, string Words)[] rows) =>
        rows.SelectMany(r => r.Words.Split(' ').Select(w => (w, r.Value))).ToDictionary(x => x.w, x => x.Value,
            StringComparer.Ordinal);

    // Longer words first, so that "szesnascie" is never read as "szesc".
    private static string Alternatives(IEnumerable<string> words) =>
        string.Join('|', words.OrderByDescending(w => w.Length).Select(Regex.Escape));

    private static readonly Regex Count = new(
        $@"(?<![\w:]){Cardinal}{Half}(?<unit>\s+{Unit})", RegexOptions.CultureInvariant);

    private static Regex CountRegex() => Count;

    private static readonly Regex BritishHalf = new(
        $@"(?<![\w])half\s+(?=(?:{Cardinal}|\d{{1,2}})(?![\w:])(?!\s+{Unit}))", RegexOptions.CultureInvariant);

    private static readonly Regex We = new(
        $@"(?<=(?:nas bedzie|bedzie nas|nas jest|нас буде|буде нас|нас будет|будет нас|нас|we\s?ll be|we will be|we are|were|there will be)\s+){Cardinal}(?!\w)",
        RegexOptions.CultureInvariant);

    private static Regex WeAre() => We;

    private static readonly Regex HourWordPattern = new(
        $@"(?<=(?<![\w])(?:{OrdinalBefore}|wpol do|пів на)\s+){Ordinal}(?!\w)(?!\s+(?:sal|kuchn|zal|кімнат|зал))"
        + $@"|(?<=(?<![\w])(?:{CardinalBefore}|half past|quarter past|пів на)\s+){Cardinal}(?!\w)(?!\s+{Unit})"
        + $@"|(?<![\w:])(?:{Ordinal}|{Cardinal})(?=\s+{HourAfter}(?!\w))",
        RegexOptions.CultureInvariant);

    private static Regex HourWord() => HourWordPattern;

    private static readonly Regex RangeEndPattern = new(
        $@"(?<head>\b\d{{1,2}}(?::\d{{2}})?\s*(?:-|–|to|and|till|until|do|a|i|до|і|та|и|по)\s+)(?:{Ordinal}|{Cardinal})(?!\w)",
        RegexOptions.CultureInvariant);

    private static Regex RangeEnd() => RangeEndPattern;

    [GeneratedRegex(@"(?<=\d)\s+(?:i pol|and a half|з половиною|с половиной)(?=\s+(?:godz|h\b|hours?|hrs|годин|год|час))")]
    private static partial Regex DigitsAndAHalf();

    [GeneratedRegex(@"\b(?<how>wpol do|half past|quarter past|quarter to)\s+(?<h>\d{1,2})\b|(?<how>пів на)\s+(?<h>\d{1,2})\b")]
    private static partial Regex HalfPast();
}
