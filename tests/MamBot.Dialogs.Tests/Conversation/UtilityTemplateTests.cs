using System.Text.RegularExpressions;
using MamBot.Dialogs.Conversation;

namespace MamBot.Dialogs.Tests.Conversation;

/// <summary>The Messenger utility templates as Meta's review takes them, and as the resident reads them.</summary>
public sealed class UtilityTemplateTests
{
    public static TheoryData<string> Keys => [.. UtilityTemplates.All.Select(t => t.Key)];

    [Theory]
    [MemberData(nameof(Keys))]
    public void Each_template_has_an_example_for_every_fact_and_neither_starts_nor_ends_with_one(string key)
    {
        var template = UtilityTemplates.Find(key)!;
        var facts = Regex.Matches(template.Body, @"\{\{(\d+)\}\}").Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();

        Assert.Equal(Enumerable.Range(1, template.Example.Count), facts);
        Assert.False(template.Body.StartsWith("{{", StringComparison.Ordinal) || template.Body.EndsWith("}}", StringComparison.Ordinal));
        Assert.Matches("^mam_[a-z_]+_[0-9a-f]{6}$", template.Name);
        Assert.DoesNotContain("{{", template.Fill(template.Example));
    }

    [Fact]
    public void A_new_text_is_a_new_template_name_and_facts_are_one_line()
    {
        var reminder = UtilityTemplates.EventReminder;
        var changed = reminder with { Body = reminder.Body + " Do zobaczenia!" };

        Assert.NotEqual(reminder.Name, changed.Name);
        var message = reminder.With("Kawa\n  sąsiedzka\t", "wtorek, 1 grudnia, 17:00", "sala duża");
        Assert.Equal(["Kawa sąsiedzka", "wtorek, 1 grudnia, 17:00", "sala duża"], message.Parameters);
        Assert.Equal("⏰ Przypomnienie z MAM: „Kawa sąsiedzka”, wtorek, 1 grudnia, 17:00, sala duża. Jeśli nie dasz rady przyjść, napisz nam to tutaj.",
            reminder.Fill(message.Parameters));
        Assert.Throws<ArgumentException>(() => reminder.With("Kawa sąsiedzka"));
    }
}
