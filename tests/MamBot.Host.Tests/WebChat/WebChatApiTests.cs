using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MamBot.Data;
using MamBot.Data.Outbox;
using MamBot.Dialogs.Conversation;
using MamBot.Host.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MamBot.Host.Tests.WebChat;

public class WebChatApiTests
{
    [Fact]
    public async Task The_chat_page_is_served_in_polish_at_the_root()
    {
        using var bed = new HostTestBed();
        using var http = bed.Start().CreateClient();

        var page = await http.GetStringAsync("/");
        Assert.Contains("<html lang=\"pl\">", page);
        Assert.Contains("automatycznym asystentem", page);
        Assert.Contains("aria-live", page);
        Assert.Contains("fetch(`/api/chat/", await http.GetStringAsync("/chat.js"));
        Assert.Equal("text/css", (await http.GetAsync("/chat.css")).Content.Headers.ContentType?.MediaType);
    }

    [Theory, MemberData(nameof(HostTestBed.Providers), MemberType = typeof(HostTestBed))]
    public async Task Health_checks_the_database_and_hangfire_and_names_the_database_and_the_jobs_run_there(StorageProvider provider)
    {
        using var bed = new HostTestBed();
        var app = await bed.StartAsync(provider);
        using var http = app.CreateClient();
        foreach (var job in new[] { OutboxDispatchJob.Id, HousekeepingJob.Id, WeeklyDigestJob.Id, HandoffIdleJob.Id })
            await app.RunRecurringJobAsync(job);

        var response = await http.GetAsync("/healthz");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var database = body.GetProperty("checks").GetProperty("database");
        Assert.Equal("Healthy", database.GetProperty("status").GetString());
        Assert.Equal(provider == StorageProvider.Postgres ? "PostgreSQL" : "SQLite", database.GetProperty("description").GetString());
        Assert.Equal("Healthy", body.GetProperty("checks").GetProperty("hangfire").GetProperty("status").GetString());
    }

    [Theory, MemberData(nameof(HostTestBed.Providers), MemberType = typeof(HostTestBed))]
    public async Task A_resident_goes_from_start_to_erasure_through_the_page_api(StorageProvider provider)
    {
        using var bed = new HostTestBed();
        var app = await bed.StartAsync(provider);
        var chat = new PageChat(app.CreateClient(), "browser-0001-3c75a30850a03d92ece");

        await chat.SendAsync("/start");
        Assert.Contains("automatyczny asystent", chat.Text);
        await chat.PressTitleAsync("Zgadzam się");
        Assert.Contains("Zgoda zapisana", chat.Text);
        await chat.PressTitleAsync("O MAM");
        Assert.Contains("Godziny otwarcia:", chat.Text);
        await chat.PressTitleAsync("Menu");
        await chat.PressTitleAsync("Ustawienia");
        Assert.Contains("Ciekawostki o MAM: włączone", chat.Text);

        bed.Time.Advance(TimeSpan.FromMinutes(1)); // a person reads before pressing on: the flood guard stays out of it
        await chat.PressTitleAsync("Moje dane");
        var readable = PageChat.Replies(chat.Last).Single().GetProperty("file");
        Assert.Equal("mam-moje-dane.txt", readable.GetProperty("name").GetString());
        using var http = app.CreateClient();
        var page = await http.GetAsync(readable.GetProperty("url").GetString());
        Assert.Equal("text/plain", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Czaty:\n• Czat: czat na stronie", await page.Content.ReadAsStringAsync());

        await chat.PressTitleAsync("Plik dla programów");
        var file = PageChat.Replies(chat.Last).Single().GetProperty("file");
        Assert.Equal("mambot-moje-dane.json", file.GetProperty("name").GetString());
        var download = await http.GetAsync(file.GetProperty("url").GetString());
        Assert.Equal("application/json", download.Content.Headers.ContentType?.MediaType);
        var exported = await download.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("browser-0001-3c75a30850a03d92ece", exported.GetProperty("Channels")[0].GetProperty("ChatId").GetString());

        await chat.PressTitleAsync("Menu");
        await chat.PressTitleAsync("Ustawienia");
        await chat.PressTitleAsync("Usuń moje dane");
        await chat.PressTitleAsync("Tak, usuń wszystko");
        Assert.Contains("Twoje dane zostały usunięte", chat.Text);
        Assert.Equal(0, await app.QueryAsync(db => db.Residents.CountAsync()));
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(file.GetProperty("url").GetString())).StatusCode);
    }

    [Fact]
    public async Task Every_reply_can_be_fetched_again_in_order()
    {
        using var bed = new HostTestBed();
        var chat = new PageChat(bed.Start().CreateClient(), "browser-0002-5279e181dc6bf1b64db");
        await chat.SendAsync("/start");
        var ids = PageChat.Replies(chat.Last).Select(r => r.GetProperty("id").GetInt64()).ToList();

        var all = await chat.MessagesAfterAsync(0);
        Assert.Equal(ids, PageChat.Replies(all).Select(r => r.GetProperty("id").GetInt64()));
        Assert.Empty(PageChat.Replies(await chat.MessagesAfterAsync(ids[^1])));
    }

    [Fact]
    public async Task The_same_client_message_sent_twice_is_handled_once_and_answered_with_the_same_replies()
    {
        using var bed = new HostTestBed();
        var app = bed.Start();
        var chat = new PageChat(app.CreateClient(), "browser-0003-3d82f63cfaca5b9cdcb");
        await chat.SendAsync("/start");
        await chat.PressTitleAsync("Zgadzam się");
        await chat.SendAsync("/stop", clientMessageId: "m-42");
        var first = PageChat.Replies(chat.Last).Select(r => r.GetRawText()).ToList();
        Assert.NotEmpty(first);

        await chat.SendAsync("/stop", clientMessageId: "m-42");
        Assert.Equal(first, PageChat.Replies(chat.Last).Select(r => r.GetRawText()));
        Assert.True(chat.Last.GetProperty("duplicate").GetBoolean());
        Assert.Equal(1, await app.QueryAsync(db => db.OutboxMessages.CountAsync(m => m.Body.Contains("Nie dostaniesz"))));
        Assert.Equal(first.Count, await app.QueryAsync(db => db.MailboxMessages.CountAsync(m => m.Body.Contains("Nie dostaniesz"))));
    }

    [Fact]
    public async Task A_turn_whose_replies_a_crash_kept_from_the_mailbox_is_answered_after_the_restart()
    {
        using var bed = new HostTestBed();
        var before = bed.Start();
        await using (var scope = before.Services.CreateAsyncScope())
        {
            // The turn commits, then the host dies before the replies reach the mailbox.
            var activity = new Activity("webchat", "browser-0009-075364e50c9a0447964", "/start", null, bed.Time.GetUtcNow(), "browser-0009-075364e50c9a0447964/m-1");
            await scope.ServiceProvider.GetRequiredService<ConversationEngine>().HandleAsync(activity, default);
        }
        before.Dispose();

        var after = bed.Start();
        var chat = new PageChat(after.CreateClient(), "browser-0009-075364e50c9a0447964");
        await chat.SendAsync("/start", clientMessageId: "m-1"); // the page sends the same message again

        Assert.True(chat.Last.GetProperty("duplicate").GetBoolean());
        Assert.Contains("automatyczny asystent", chat.Text);
        var mailbox = PageChat.Replies(await chat.MessagesAfterAsync(0)).Select(r => r.GetRawText()).ToList();
        Assert.Equal(mailbox, PageChat.Replies(chat.Last).Select(r => r.GetRawText()));
        Assert.Equal(0, await after.QueryAsync(db => db.OutboxMessages.CountAsync(m => m.Status != OutboxStatus.Sent)));
    }

    [Fact]
    public async Task A_client_message_id_counts_within_its_own_conversation_only()
    {
        using var bed = new HostTestBed();
        var app = bed.Start();
        var ola = new PageChat(app.CreateClient(), "browser-ola1-50b666693d8c270ddf5");
        var jan = new PageChat(app.CreateClient(), "browser-jan1-9f6cd34d7ed9ca70a9f");

        await ola.SendAsync("/start", clientMessageId: "1");
        await jan.SendAsync("/start", clientMessageId: "1");

        Assert.False(jan.Last.GetProperty("duplicate").GetBoolean());
        Assert.Contains("automatyczny asystent", jan.Text);
    }

    public static TheoryData<string, string, string> BadRequests => new()
    {
        { "short", "{\"text\":\"hej\"}", "identyfikator rozmowy" },
        { "bad$conversation", "{\"text\":\"hej\"}", "identyfikator rozmowy" },
        { "aaaaaaaa", "{\"text\":\"hej\"}", "identyfikator rozmowy" },
        { "browser-0004-0a682dc59c3b0e9fcdd", "{\"text\": \"niedokończony", "oczekiwano JSON" },
        { "browser-0004-0a682dc59c3b0e9fcdd", "[1,2,3]", "oczekiwano JSON" },
        { "browser-0004-0a682dc59c3b0e9fcdd", "{}", "Wiadomość jest pusta" },
        { "browser-0004-0a682dc59c3b0e9fcdd", "{\"text\":\"   \"}", "Wiadomość jest pusta" },
        { "browser-0004-0a682dc59c3b0e9fcdd", "{\"text\":\"hej\",\"payload\":\"menu:main\"}", "nie oba naraz" },
        { "browser-0004-0a682dc59c3b0e9fcdd", "{\"text\":\"" + new string('a', 2001) + "\"}", "najwyżej 2000 znaków" },
        { "browser-0004-0a682dc59c3b0e9fcdd", "{\"payload\":\"" + new string('p', 65) + "\"}", "Nieprawidłowy przycisk" },
        { "browser-0004-0a682dc59c3b0e9fcdd", "{\"text\":\"hej\",\"clientMessageId\":\"a b\"}", "clientMessageId" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task Bad_input_gets_a_clear_polish_400_and_changes_nothing(string conversationId, string body, string expected)
    {
        using var bed = new HostTestBed();
        var app = bed.Start();
        using var http = app.CreateClient();

        var response = await http.PostAsync($"/api/chat/{conversationId}", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString();
        Assert.Contains(expected, error);
        Assert.Equal(0, await app.QueryAsync(db => db.OutboxMessages.CountAsync()));
        Assert.Equal(0, await app.QueryAsync(db => db.ConversationStates.CountAsync()));
        Assert.Equal(0, await app.QueryAsync(db => db.ProcessedUpdates.CountAsync()));
    }

    [Fact]
    public async Task A_restart_in_the_middle_of_a_question_continues_where_it_stopped()
    {
        using var bed = new HostTestBed();
        var first = bed.Start();
        var chat = new PageChat(first.CreateClient(), "browser-0005-cb335add4eda7f4219a");
        await chat.PressAsync("consent:yes");
        await chat.PressAsync("settings:erase");
        var yes = chat.Button("Tak, usuń wszystko");
        first.Dispose();

        var second = bed.Start();
        var again = new PageChat(second.CreateClient(), "browser-0005-cb335add4eda7f4219a");
        await again.PressAsync(yes);
        Assert.Contains("Twoje dane zostały usunięte", again.Text);
        Assert.Equal(0, await second.QueryAsync(db => db.Residents.CountAsync()));
    }
}
