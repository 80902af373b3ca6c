using System.Text.RegularExpressions;
using MamBot.Dialogs.Conversation;

namespace MamBot.Dialogs.Tests.Conversation;

/// <summary>The Messenger utility templates as Meta's review takes them, and as the resident reads them.</summary>
public sealed class UtilityTemplateTests
{
    public static TheoryData<string, string> Templates()
    {
        var data = new TheoryData<string, string>();
        foreach (var t in UtilityTemplates.All) data.Add(t.Key, t.Language);
        return data;
    }

    [Theory]
    [MemberData(nameof(Templates))]
    public void Each_template_has_an_example_for_every_fact_and_neither_starts_nor_ends_with_one(string key, string language)
    {
        var template = UtilityTemplates.Find(key, language)!;
        var facts = Regex.Matches(template.Body, @"\{\{(\d+)\}\}").Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();

        Assert.Equal(Enumerable.Range(1, template.Example.Count), facts);
        Assert.False(template.Body.StartsWith("{{", StringComparison.Ordinal) || template.Body.EndsWith("}}", StringComparison.Ordinal));
        Assert.Matches("^mam_[a-z_]+_[0-9a-f]{6}$", template.Name);
        Assert.DoesNotContain("{{", template.Fill(template.Example));
    }

    [Fact]
    public void A_new_text_is_a_new_template_name_and_facts_are_one_line()
    {
        var reminder = UtilityTemplates.EventReminder.In("pl");
        var changed = reminder with { Body = reminder.Body + " Do zobaczenia!" };

        Assert.NotEqual(reminder.Name, changed.Name);
        var message = UtilityTemplates.EventReminder.With("Kawa\n  sąsiedzka\t", "wtorek, 1 grudnia, 17:00", "sala duża");
        Assert.Equal(["Kawa sąsiedzka", "wtorek, 1 grudnia, 17:00", "sala duża"], message.Parameters);
        Assert.Equal("⏰ Przypomnienie z MAM: „Kawa sąsiedzka”, wtorek, 1 grudnia, 17:00, sala duża. Jeśli nie dasz rady przyjść, napisz nam to tutaj.",
            reminder.Fill(message.Parameters));
        Assert.Throws<ArgumentException>(() => UtilityTemplates.EventReminder.With("Kawa sąsiedzka"));
    }

    [Fact]
    public void Each_kind_is_a_template_in_every_language_with_meta_language_codes_and_a_message_keeps_its_language()
    {
        Assert.Equal(9, UtilityTemplates.All.Select(t => t.Name).Distinct().Count()); // three kinds, three texts each
        Assert.Equal(["pl", "uk", "en_GB"], UtilityTemplates.All.Select(t => t.MetaLanguage).Distinct());

        using (MamBot.Dialogs.Texts.Language.Use("uk"))
        {
            var message = UtilityTemplates.EventReminder.With("Kawa sąsiedzka", "вівторок, 1 грудня, 17:00", "sala duża");
            Assert.Equal("uk", message.Language);
            Assert.Equal("⏰ Нагадування від MAM: «Kawa sąsiedzka», вівторок, 1 грудня, 17:00, sala duża. Якщо не зможете прийти, напишіть нам тут.",
                UtilityTemplates.Find(message.Template, message.Language)!.Fill(message.Parameters));
        }
        // A message stored before languages reads as Polish.
        var old = System.Text.Json.JsonSerializer.Deserialize<UtilityMessage>("""{"Template":"event_reminder","Parameters":["a","b","c"]}""")!;
        Assert.Equal("pl", old.Language);
    }
}
