using MamBot.Dialogs.Conversation;
using MamBot.Dialogs.Texts;
using MamBot.Dialogs.Understanding;

namespace MamBot.Dialogs.Bookings;

/// <summary>
/// The booking form for a resident who has booked before: name and phone offered again, house rules not shown
/// again in the same version, and "Jak ostatnio" (room, length, purpose, people as last time).
/// </summary>
public sealed partial class BookRoomDialog
{
    /// <summary>
    /// A returning resident is not asked again what they gave before: name and phone from the last booking are
    /// offered for one tap, and house rules they accepted in this version are not shown again.
    /// </summary>
    public override async Task BeginAsync(DialogContext dc, string? argument, CancellationToken ct)
    {
        var values = dc.ActiveFrame!.Values;
        if (dc.Resident is { } resident && await bookings.LastOfAsync(resident.Id, ct) is { } last)
        {
            (values[LastName], values[LastPhone]) = (last.ContactName, last.Phone ?? "-");
            if (dc.Centre.Rooms.Any(r => r.Id == last.RoomId))
                values[LastTime] = string.Join('|', last.RoomId.ToString(Wording.Culture),
                    ((int)last.Length.TotalMinutes).ToString(Wording.Culture), last.People.ToString(Wording.Culture), last.Purpose);
        }
        else values["contact"] = "new";
        await base.BeginAsync(dc, argument, ct);
    }

    private const string LastName = "_lastName", LastPhone = "_lastPhone", LastTime = "_lastTime", Again = "again";

    /// <summary>"Jak ostatnio" on the first question: room, length, people, purpose and contact as last time; day and time are asked.</summary>
    public override Task ContinueAsync(DialogContext dc, CancellationToken ct)
    {
        var v = dc.ActiveFrame!.Values;
        if (dc.Payload != Option("", Again).Payload || !v.TryGetValue(LastTime, out var last)) return base.ContinueAsync(dc, ct);
        var parts = last.Split('|', 4);
        (v["room"], v["length"], v["people"], v["purpose"]) = (parts[0], parts[1], parts[2], parts[3]);
        (v["contact"], v["name"], v["phone"]) = ("same", v[LastName], v[LastPhone]);
        return RepromptAsync(dc, ct);
    }

    /// <summary>
    /// "Tak" to the remembered contact fills name and phone; "Zmień" asks for them. A phone typed after the name
    /// is kept apart from it.
    /// </summary>
    protected override void Filled(DialogFrame frame, string slot, string value)
    {
        if (slot == "name")
        {
            var parts = value.Split(PhoneMark, 2);
            (frame.Values["name"], frame.Values["phone"]) = (parts[0], parts.Length > 1 ? parts[1] : "-");
            return;
        }
        if (slot != "contact") return;
        if (value == "same") (frame.Values["name"], frame.Values["phone"]) = (frame.Values[LastName], frame.Values[LastPhone]);
        else
        {
            frame.Values.Remove("name");
            frame.Values.Remove("phone");
        }
    }

    private static Reply AskSameContact(DialogContext dc)
    {
        var v = dc.ActiveFrame!.Values;
        var phone = v[LastPhone] == "-" ? "" : Wording.Format(T.BookContactPhone, v[LastPhone]);
        return Reply.WithRow(Wording.Format(T.BookAskSameContact, v[LastName], phone),
            Option(T.ButtonYes, "same"), Option(T.ButtonChange, "change"));
    }

    private static SlotValue ParseSameContact(DialogContext dc, string text) =>
        text is "same" or "change" ? SlotValue.Ok(text)
        : TypedWords.Yes.Match(text) ? SlotValue.Ok("same")
        : TypedWords.No.Match(text) || TypedText.Fold(text) == TypedText.Fold(T.ButtonChange) ? SlotValue.Ok("change")
        : SlotValue.Invalid(T.PromptPickOne);

    /// <summary>The version of the house rules a resident accepts: their Polish text, hashed.</summary>
    public static string RulesVersion(Data.Centres.Centre centre) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
        System.Text.Encoding.UTF8.GetBytes(string.Join("\n", centre.HouseRules.OrderBy(r => r.Order).Select(r => r.Text)))))[..16];
}
