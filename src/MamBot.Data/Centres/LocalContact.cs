namespace MamBot.Data.Centres;

/// <summary>
/// Where to turn for something MAM does not handle (the housing cooperative, the city guard, a lost pet), as the
/// team wrote it. The bot names the contact whose topic words a resident's question uses.
/// </summary>
public sealed class LocalContact
{
    public int Id { get; set; }
    public int CentreId { get; set; }
    public required string Name { get; set; }

    /// <summary>Words the question is matched on, comma-separated, in any language ("winda, czynsz, lift, ліфт").</summary>
    public required string Topics { get; set; }

    // Free text: residents read them as the team wrote them.
    public string Phone { get; set; } = "";
    public string Email { get; set; } = "";
    public string Address { get; set; } = "";
    public string Hours { get; set; } = "";
    public string Note { get; set; } = "";

    // The team's own versions for residents who chose Ukrainian or English; empty means only the Polish one.
    public string? NameUk { get; set; }
    public string? NameEn { get; set; }
    public string? NoteUk { get; set; }
    public string? NoteEn { get; set; }

    /// <summary>The topic words one by one, as written.</summary>
    public IReadOnlyList<string> TopicWords => LocalContactRules.Words(Topics);
}

/// <summary>What staff write about a contact; the versions are optional.</summary>
public sealed record LocalContactDetails(string Name, string Topics, string Phone = "", string Email = "",
    string Address = "", string Hours = "", string Note = "",
    string? NameUk = null, string? NameEn = null, string? NoteUk = null, string? NoteEn = null);

/// <summary>Why a contact cannot be saved; the panel says each in Polish.</summary>
public enum ContactProblem { NameLength, NoTopics, TooLong, EmailLooksWrong, NoWayToReach }

/// <summary>Pure checks of a contact before it is saved.</summary>
public static class LocalContactRules
{
    public const int NameMax = 100;
    public const int TopicsMax = 500;
    public const int DetailMax = 200;
    public const int NoteMax = 500;

    public static IReadOnlyList<string> Words(string? topics) =>
        [.. (topics ?? "").Split([',', ';', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(w => w.Length > 0)];

    /// <summary>The topic words as stored: one comma and space between them.</summary>
    public static string Normalized(string? topics) => string.Join(", ", Words(topics));

    public static IReadOnlyList<ContactProblem> Check(LocalContactDetails d)
    {
        var problems = new List<ContactProblem>();
        if (d.Name.Trim().Length is < 2 or > NameMax) problems.Add(ContactProblem.NameLength);
        // A word of one or two letters starts too many others: every topic word needs three.
        var words = Words(d.Topics);
        if (words.Count == 0 || words.Any(w => w.Count(char.IsLetter) < 3)) problems.Add(ContactProblem.NoTopics);
        string?[] names = [d.NameUk, d.NameEn];
        string?[] details = [d.Phone, d.Email, d.Address, d.Hours];
        string?[] notes = [d.Note, d.NoteUk, d.NoteEn];
        if (Normalized(d.Topics).Length > TopicsMax || names.Any(x => Length(x) > NameMax) || details.Any(x => Length(x) > DetailMax)
            || notes.Any(x => Length(x) > NoteMax))
            problems.Add(ContactProblem.TooLong);
        var email = d.Email.Trim();
        if (email.Length > 0 && (!email.Contains('@') || email.Contains(' '))) problems.Add(ContactProblem.EmailLooksWrong);
        // A name alone tells a resident nothing they can use.
        if (new[] { d.Phone, d.Email, d.Address, d.Note }.All(string.IsNullOrWhiteSpace)) problems.Add(ContactProblem.NoWayToReach);
        return problems;
    }

    private static int Length(string? text) => text?.Trim().Length ?? 0;
}
