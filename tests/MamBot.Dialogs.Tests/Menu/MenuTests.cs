namespace MamBot.Dialogs.Tests.Menu;

public class MenuTests
{
    [Fact]
    public async Task About_answers_address_contact_hours_rules_and_faq_from_the_centre_data()
    {
        await using var chat = await TestChat.StartAsync();
        await chat.PressPayloadAsync("menu:about");
        Assert.Contains("📍 os. Na Kozłówce, Kraków", chat.Text);
        Assert.Contains("☎ 12 345 67 89", chat.Text);
        Assert.Contains("poniedziałek–piątek: 10:00–20:00\nsobota: 10:00–14:00\nniedziela: nieczynne", chat.Text);
        Assert.Contains("przykładowe dane", chat.Text);

        await chat.PressAsync("Zasady MAM");
        Assert.Contains("• Sprzątamy po sobie.", chat.Text);

        await chat.PressAsync("Częste pytania");
        Assert.Contains("2. Czy mogę przyjść z dzieckiem?", chat.Text);
        await chat.PressAsync("2");
        Assert.Contains("Oczywiście.", chat.Text);
    }

    [Theory]
    [InlineData("godziny otwarcia", "Godziny otwarcia:")]
    [InlineData("O KTOREJ JESTESCIE OTWARCI?", "Godziny otwarcia:")]
    [InlineData("gdzie jestescie", "📍")]
    [InlineData("zarezerwuj sale na piatek", "potrzebuję Twojej zgody")]
    [InlineData("chce zarezerwowac kuchnie na 2 godziny", "potrzebuję Twojej zgody")]
    [InlineData("moje rezerwacje", "potrzebuję Twojej zgody")]
    [InlineData("jakie sa wydarzenia", "Wydarzenia w MAM są dla wszystkich")]
    [InlineData("mam pomysl", "potrzebuję Twojej zgody")] // the idea form opens once she agrees
    [InlineData("zasady", "Zasady MAM")]
    public async Task Plain_words_with_or_without_diacritics_lead_to_the_right_answer(string typed, string expected)
    {
        await using var chat = await TestChat.StartAsync();
        await chat.SendAsync(typed);
        Assert.Contains(expected, chat.Text);
    }

    [Fact]
    public async Task A_rules_question_the_rules_do_not_speak_of_says_so_and_who_to_ask()
    {
        await using var chat = await TestChat.StartAsync();

        await chat.SendAsync("czy mogę przyjść z psem?");

        Assert.StartsWith("Zasady MAM nic o tym nie mówią. Najlepiej zapytaj zespół.", chat.Text);
        Assert.DoesNotContain("Sprzątamy po sobie.", chat.Text);
        Assert.Equal("about:rules", chat.ButtonPayload("Zasady MAM"));
    }

    [Fact]
    public async Task A_rules_question_about_one_subject_shows_only_the_rule_about_it()
    {
        await using var chat = await TestChat.StartAsync();

        await chat.SendAsync("czy wolno sprzątać po 22?");

        Assert.Contains("• Sprzątamy po sobie.", chat.Text);
        Assert.DoesNotContain("Cisza po 21:00.", chat.Text);
    }

    [Theory]
    [InlineData("ile kosztuje sala?", "❓ Czy za korzystanie z MAM trzeba płacić?\n💬 Nie, MAM jest bezpłatny.")]
    [InlineData("czy to jest platne", "❓ Czy za korzystanie z MAM trzeba płacić?")]
    [InlineData("czy mogę przyjść z dzieckiem?", "❓ Czy mogę przyjść z dzieckiem?\n💬 Oczywiście.")]
    [InlineData("a z wnukiem mozna?", "❓ Czy mogę przyjść z dzieckiem?")]
    public async Task A_typed_question_the_faq_answers_gets_that_answer_without_consent(string typed, string expected)
    {
        await using var chat = await TestChat.StartAsync();
        await chat.SendAsync(typed);
        Assert.StartsWith(expected, chat.Text);
        chat.ButtonPayload("Częste pytania");
    }

    [Fact]
    public async Task Surveys_ask_for_consent_first_because_answers_are_personal_data()
    {
        await using var chat = await TestChat.StartAsync();
        await chat.PressPayloadAsync("menu:surveys");
        Assert.Contains("potrzebuję Twojej zgody", chat.Text);
        chat.ButtonPayload("Zgadzam się");
    }

    [Fact]
    public async Task Unclear_text_gets_a_kind_answer_and_the_menu()
    {
        await using var chat = await TestChat.StartAsync();
        await chat.SendAsync("qwerty asdf");
        Assert.Contains("Nie do końca rozumiem", chat.Text);
        chat.ButtonPayload("O MAM");
    }

    [Fact]
    public async Task Help_lists_the_commands_and_how_to_reach_a_person()
    {
        await using var chat = await TestChat.StartAsync();
        await chat.SendAsync("/pomoc");
        Assert.Contains("/anuluj", chat.Text);
        Assert.Contains("/stop", chat.Text);
        Assert.Contains("automatycznym asystentem", chat.Text);
        Assert.Contains("mam@example.org", chat.Text);
    }

    [Fact]
    public async Task A_made_up_button_payload_is_answered_politely()
    {
        await using var chat = await TestChat.StartAsync();
        await chat.PressPayloadAsync("nonsense:42");
        Assert.Contains("Ten przycisk jest już nieaktualny.", chat.Text);
        chat.ButtonPayload("O MAM");
    }
}
