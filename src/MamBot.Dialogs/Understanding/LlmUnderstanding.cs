using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using MamBot.Data.Bookings;
using MamBot.Data.Events;
using MamBot.Dialogs.Conversation;
using MamBot.Dialogs.Texts;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;

namespace MamBot.Dialogs.Understanding;

/// <summary>Config section "Llm": an OpenAI-compatible endpoint (Ollama, vLLM with Bielik, LM Studio, OpenAI…).</summary>
public sealed class LlmOptions
{
    public const string Section = "Llm";
    public string? Endpoint { get; set; }
    public string? Model { get; set; }
    public string? ApiKey { get; set; }

    /// <summary>After this the resident gets the offline recognizer's answer instead.</summary>
    public double TimeoutSeconds { get; set; } = 8;

    /// <summary>Staff summaries read more text and may take longer than a resident should wait.</summary>
    public double SummaryTimeoutSeconds { get; set; } = 60;

    public bool Enabled => !string.IsNullOrWhiteSpace(Endpoint) && !string.IsNullOrWhiteSpace(Model);
}

/// <summary>A Semantic Kernel for the configured OpenAI-compatible endpoint.</summary>
public static class LlmKernel
{
    private static readonly HttpClient Http = new() { Timeout = Timeout.InfiniteTimeSpan }; // callers apply their own timeouts

    public static Kernel Create(LlmOptions o)
    {
#pragma warning disable SKEXP0010 // the custom-endpoint overload is what OpenAI-compatible servers need
        return Kernel.CreateBuilder()
            .AddOpenAIChatCompletion(o.Model!, new Uri(o.Endpoint!), string.IsNullOrWhiteSpace(o.ApiKey) ? null : o.ApiKey, httpClient: Http)
            .Build();
#pragma warning restore SKEXP0010
    }
}

/// <summary>What the model made of a sentence, and its answer to a question (grounded in the centre's data).</summary>
public sealed record LlmUnderstood(Understood Understood, string? Answer);

/// <summary>
/// Understanding through Semantic Kernel when an LLM is configured. The model may only read (centre facts, free
/// slots, events); it never books or changes anything. Any error or a slow answer → null, and the caller uses
/// the offline recognizer.
/// </summary>
public sealed partial class LlmUnderstanding(IOptions<LlmOptions> options, BookingService bookings, EventService events, ILogger<LlmUnderstanding> logger)
{
    private static readonly string[] Intents =
        ["book_room", "my_bookings", "cancel_booking", "list_events", "register_event", "leave_event", "propose_idea", "browse_ideas", "surveys", "opening_hours",
         "address_contact", "house_rules", "help", "talk_to_staff", "greeting", "thanks", "stop"];

    private (string Text, LlmUnderstood? Understood)? _prepared;

    public bool Enabled => options.Value.Enabled;

    /// <summary>Asks the model before the turn takes the write lock; the turn reads the answer with <see cref="Prepared"/>.</summary>
    public async Task PrepareAsync(DialogContext dc, CancellationToken ct) =>
        _prepared = (dc.Text ?? "", await UnderstandAsync(dc, dc.Text ?? "", ct));

    /// <summary>What the model made of this text, if it was asked before the turn; null means the offline recognizer.</summary>
    public LlmUnderstood? Prepared(string? text) => _prepared is { } p && p.Text == (text ?? "") ? p.Understood : null;

    private async Task<LlmUnderstood?> UnderstandAsync(DialogContext dc, string text, CancellationToken ct)
    {
        var o = options.Value;
        if (!o.Enabled) return null;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(o.TimeoutSeconds));
        try
        {
            var kernel = LlmKernel.Create(o);
            kernel.Plugins.AddFromObject(new CentreFacts(dc, bookings, events), "centre");

            var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(dc.Now, dc.TimeZone).DateTime);
            var history = new ChatHistory(Wording.Format(T.LlmSystemPrompt, dc.Centre.Name, Wording.Date(today) + " " + today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), string.Join(", ", Intents)));
            history.AddUserMessage(text);
            var settings = new OpenAIPromptExecutionSettings { FunctionChoiceBehavior = FunctionChoiceBehavior.Auto(), Temperature = 0 };
            var reply = await kernel.GetRequiredService<IChatCompletionService>().GetChatMessageContentAsync(history, settings, kernel, timeout.Token);
            return Parse(reply.Content);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            LogFallback(ex.GetType().Name, ex.Message);
            return null;
        }
    }

    /// <summary>The longest answer of the model a resident is given (a few short paragraphs).</summary>
    public const int MaxAnswerLength = 1200;

    /// <summary>Only a well-formed answer with a known intent counts; anything else falls back.</summary>
    internal static LlmUnderstood? Parse(string? content)
    {
        if (string.IsNullOrWhiteSpace(content)) return null;
        var json = content.Trim();
        var start = json.IndexOf('{', StringComparison.Ordinal);
        var end = json.LastIndexOf('}');
        if (start < 0 || end <= start) return null;
        using var doc = JsonDocument.Parse(json[start..(end + 1)]);
        var root = doc.RootElement;
        var intent = root.TryGetProperty("intent", out var i) ? i.GetString() : null;
        if (intent is null || (!Intents.Contains(intent) && intent is not ("off_topic" or "none"))) return null;

        var slots = root.TryGetProperty("slots", out var s) && s.ValueKind == JsonValueKind.Object ? s : default;
        string? Str(string name) => slots.ValueKind == JsonValueKind.Object && slots.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        int? Int(string name) => slots.ValueKind == JsonValueKind.Object && slots.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt32() : null;

        var understood = new Understood(intent, Str("room"),
            DateOnly.TryParseExact(Str("date"), "yyyy-MM-dd", out var d) ? d : null,
            TimeOnly.TryParseExact(Str("start"), "HH:mm", out var st) ? st : null,
            TimeOnly.TryParseExact(Str("end"), "HH:mm", out var en) ? en : null,
            Int("durationMinutes"), Int("people"), Str("event"));
        var answer = root.TryGetProperty("answer", out var a) && a.ValueKind == JsonValueKind.String ? a.GetString() : null;
        if (answer?.Length > MaxAnswerLength) return null; // a runaway model: the offline answer, not pages of it
        return new LlmUnderstood(understood, string.IsNullOrWhiteSpace(answer) ? null : answer);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "LLM understanding failed ({Kind}: {Reason}); using the offline recognizer")]
    private partial void LogFallback(string kind, string reason);
}

/// <summary>The read-only facts the model may look up. Nothing here writes.</summary>
public sealed class CentreFacts(DialogContext dc, BookingService bookings, EventService events)
{
    [KernelFunction("faq"), Description("Adres, kontakt, godziny otwarcia, zasady domu i częste pytania centrum.")]
    public string Faq()
    {
        var c = dc.Centre;
        return string.Join("\n", new[] { $"{c.Name}, {c.Address}, {Wording.ContactChannels(c)}", "Godziny otwarcia:" }
            .Concat(Wording.OpeningHours(c.OpeningHours))
            .Append("Zasady:").Concat(c.HouseRules.OrderBy(r => r.Order).Select(r => "- " + r.Text))
            .Append("Częste pytania:").Concat(c.Faq.OrderBy(f => f.Order).Select(f => $"- {f.Question} {f.Answer}"))
            .Append("Sale: " + string.Join("; ", c.Rooms.Select(r => $"{r.Name} (do {r.Capacity} osób)"))));
    }

    [KernelFunction("free_slots"), Description("Wolne godziny rozpoczęcia jednogodzinnej rezerwacji w sali danego dnia (data rrrr-mm-dd).")]
    public async Task<string> FreeSlotsAsync(string room, string date)
    {
        var match = dc.Centre.Rooms.FirstOrDefault(r => string.Equals(r.Name, room, StringComparison.OrdinalIgnoreCase)) ?? Bookings.BookingSlots.FindRoom(dc.Centre.Rooms, room);
        if (match is null || !DateOnly.TryParseExact(date, "yyyy-MM-dd", out var day)) return "Nie znam takiej sali albo daty.";
        var starts = await bookings.FreeStartsAsync(match.Id, day, TimeSpan.FromHours(1), default);
        return starts.Count == 0 ? "Brak wolnych godzin." : string.Join(", ", starts.Select(s => Wording.Time(s, dc.TimeZone)));
    }

    [KernelFunction("upcoming_events"), Description("Wydarzenia w centrum w najbliższych dwóch tygodniach: kiedy, co, wolne miejsca.")]
    public async Task<string> UpcomingEventsAsync()
    {
        var now = dc.Now.UtcDateTime;
        var upcoming = await events.ListAsync(dc.Centre.Id, now, now.AddDays(14), category: null, default);
        return upcoming.Count == 0 ? "Brak zaplanowanych wydarzeń w najbliższych dwóch tygodniach."
            : string.Join("\n", upcoming.Select(s => Events.EventTexts.Line(s, dc.TimeZone)));
    }
}
