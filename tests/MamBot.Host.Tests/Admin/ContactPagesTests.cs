using System.Net;
using MamBot.Data.Staff;
using Microsoft.EntityFrameworkCore;

namespace MamBot.Host.Tests.Admin;

/// <summary>"Dokąd się zwrócić": the admin keeps the contacts the bot names for what MAM does not handle.</summary>
public sealed class ContactPagesTests : IDisposable
{
    private readonly HostTestBed _bed = new();
    private readonly MamApp _app;

    public ContactPagesTests() => _app = _bed.Start();

    public void Dispose() => _bed.Dispose();

    private static (string, string)[] Laundry(string topics = "pralnia, suszarnia, laundry, пральня", string email = "") =>
    [
        ("Contact.Name", "Pralnia osiedlowa"), ("Contact.Topics", topics), ("Contact.Phone", "12 000 00 07"),
        ("Contact.Email", email), ("Contact.Address", ""), ("Contact.Hours", "pon.–sob. 8:00–20:00"), ("Contact.Note", ""),
        ("Contact.NameUk", "Пральня на житловому масиві"), ("Contact.NameEn", ""), ("Contact.NoteUk", ""), ("Contact.NoteEn", ""),
    ];

    [Fact]
    public async Task An_animator_is_told_the_contacts_are_for_the_admin()
    {
        var animator = await StaffSession.SignInAsync(_app);
        var response = await animator.Http.GetAsync("/admin/contacts");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await animator.PostAsync("/admin/contacts?handler=Save", Laundry())).StatusCode);
        Assert.Equal(0, await _app.QueryAsync(db => db.LocalContacts.CountAsync(c => c.Name == "Pralnia osiedlowa")));
    }

    [Fact]
    public async Task A_contact_the_admin_adds_is_named_in_the_chat_and_a_wrong_one_is_refused_in_polish()
    {
        var admin = await StaffSession.SignInAsync(_app, "szef@mam.example", StaffRoles.Admin);
        // The sample centre comes with example contacts from the settings file.
        Assert.Contains("Spółdzielnia Mieszkaniowa Prokocim", StaffSession.Text(await admin.PageAsync("/admin/contacts")));

        var bad = await admin.PostAsync("/admin/contacts?handler=Save", Laundry(topics: "", email: "pralnia.example"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var refused = StaffSession.Text(await bad.Content.ReadAsStringAsync());
        Assert.Contains("Wpisz, czym się zajmuje: słowa po przecinku", refused);
        Assert.Contains("To nie wygląda na adres e-mail", refused);

        var added = StaffSession.Text(await admin.SubmitAsync("/admin/contacts?handler=Save", Laundry()));
        Assert.Contains("Dodano kontakt: Pralnia osiedlowa. Bot poda go od razu.", added);

        var chat = new PageChat(_app.CreateClient(), "browser-resident-5c0f3e1d9a7b4e2");
        await chat.PressAsync("consent:yes");
        await chat.SendAsync("gdzie jest najbliższa pralnia?");
        Assert.Contains("Pralnia osiedlowa", chat.Text);
        Assert.Contains("12 000 00 07", chat.Text);
        Assert.NotNull(chat.Button("Napisz do człowieka")); // a person is still offered

        await chat.PressAsync("lang:uk");
        await chat.SendAsync("де тут пральня?");
        Assert.Contains("Пральня на житловому масиві", chat.Text);

        var id = await _app.QueryAsync(db => db.LocalContacts.Where(c => c.Name == "Pralnia osiedlowa").Select(c => c.Id).SingleAsync());
        var saved = StaffSession.Text(await admin.SubmitAsync($"/admin/contacts?handler=Save&id={id}",
            [.. Laundry().Where(f => f.Item1 != "Contact.Phone"), ("Contact.Phone", "12 000 00 08")]));
        Assert.Contains("Zapisano kontakt: Pralnia osiedlowa.", saved);
        Assert.Equal("12 000 00 08", await _app.QueryAsync(db => db.LocalContacts.Where(c => c.Id == id).Select(c => c.Phone).SingleAsync()));

        var removed = StaffSession.Text(await admin.SubmitAsync($"/admin/contacts?handler=Remove&id={id}"));
        Assert.Contains("Usunięto kontakt.", removed);
        Assert.DoesNotContain("Pralnia osiedlowa", removed);
    }
}
