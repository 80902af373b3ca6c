using MamBot.Host.Security;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using MamBot.Data.Outbox;
using MamBot.Dialogs.Conversation;
using MamBot.Dialogs.Texts;
using MamBot.Host.Outbox;
using MamBot.Host.Turns;

namespace MamBot.Host.Channels.WebChat;

/// <summary>The JSON API of the centre's chat page: one conversation per browser, identified by an id the page makes up.</summary>
public static partial class WebChatEndpoints
{
    public const int MaxTextLength = 2000;
    private const int MaxBodyBytes = 16 * 1024;
    private const int MaxPayloadBytes = 64; // the same limit as Telegram's callback_data

    public static IEndpointRouteBuilder MapWebChatApi(this IEndpointRouteBuilder app)
    {
        var chat = app.MapGroup("/api/chat/{conversationId}");
        chat.MapPost("", PostAsync).RequireRateLimiting(TurnAdmission.Policy);
        chat.MapGet("/messages", GetMessagesAsync);
        chat.MapGet("/files/{messageId:long}", GetFileAsync);
        return app;
    }

    private static async Task<IResult> PostAsync(
        string conversationId, HttpRequest request, HttpResponse response, ConversationEngine engine, OutboxDispatcher dispatcher,
        OutboxStore outbox, ChatFloodGuard flood, NewConversationGuard newcomers, TimeProvider time, CancellationToken ct)
    {
        // Refusals before a turn speak the page's language (the chat's, once chosen); the turn sets its own.
        using var speaking = Language.Use(ChatPageTexts.LanguageOf(request));
        if (!IsValidId(conversationId)) return Error(T.ApiBadConversationId);
        if (await BoundedBody.ReadAsync(request, MaxBodyBytes, ct) is not { } raw) return Error(T.ApiBodyTooLarge, StatusCodes.Status413PayloadTooLarge);

        var (body, error) = Read(raw);
        if (error is not null) return Error(error);
        // The address's allowance of new chats first: a refused newcomer leaves no per-chat row behind.
        var address = request.HttpContext.Connection.RemoteIpAddress?.ToString() ?? "";
        if (!await newcomers.AdmitAsync(conversationId, address, outbox, ct))
        {
            response.Headers.RetryAfter = "3600";
            return Error(T.TooManyNewChats, StatusCodes.Status429TooManyRequests);
        }
        if (await flood.CheckAsync(ChannelNames.WebChat, conversationId, ct) != FloodVerdict.Allow)
        {
            response.Headers.RetryAfter = "30";
            return Error(T.FloodSlowDown, StatusCodes.Status429TooManyRequests);
        }

        // A client's message id is unique within its conversation only: two browsers may well pick the same one.
        var updateId = body!.ClientMessageId is { } clientId ? conversationId + "/" + clientId : null;
        var activity = new Activity(ChannelNames.WebChat, conversationId, body.Text, body.Payload, time.GetUtcNow(), updateId,
            LanguageHint: BrowserLanguage(request));
        var turn = await engine.HandleAsync(activity, ct);
        // The turn put its replies in the mailbox; anything still queued (none, normally) is delivered now, so the
        // answer carries the replies (a repeat: the same ones).
        var delivered = await outbox.MailboxForAsync(turn.OutboxIds, ct);
        if (delivered.Count < turn.OutboxIds.Count)
        {
            await dispatcher.DeliverAsync(turn.OutboxIds, ct);
            delivered = await outbox.MailboxForAsync(turn.OutboxIds, ct);
        }
        return Results.Ok(new ChatResponse([.. delivered.Select(m => ToDto(conversationId, m))], turn.IsDuplicate, turn.Language));
    }

    private static async Task<IResult> GetMessagesAsync(string conversationId, long? after, OutboxStore outbox, CancellationToken ct)
    {
        if (!IsValidId(conversationId)) return Error(T.ApiBadConversationId);
        var messages = await outbox.MailboxAfterAsync(ChannelNames.WebChat, conversationId, after ?? 0, ct);
        return Results.Ok(new ChatResponse([.. messages.Select(m => ToDto(conversationId, m))], false));
    }

    private static async Task<IResult> GetFileAsync(string conversationId, long messageId, OutboxStore outbox, CancellationToken ct)
    {
        if (!IsValidId(conversationId)) return Error(T.ApiBadConversationId);
        var message = await outbox.MailboxMessageAsync(ChannelNames.WebChat, conversationId, messageId, ct);
        if (message is null || Reply.FromJson(message.Body).File is not { } file) return Results.NotFound();
        return Results.File(file.Content, file.ContentType, file.FileName);
    }

    private static (ChatRequest? Body, string? Error) Read(byte[] raw)
    {
        ChatRequest? body;
        try
        {
            body = JsonSerializer.Deserialize<ChatRequest>(raw, JsonSerializerOptions.Web);
        }
        catch (JsonException)
        {
            return (null, T.ApiBadJson);
        }

        var text = string.IsNullOrWhiteSpace(body?.Text) ? null : body.Text.Trim();
        var payload = string.IsNullOrWhiteSpace(body?.Payload) ? null : body.Payload;
        if (text is null && payload is null) return (null, T.ApiEmpty);
        if (text is not null && payload is not null) return (null, T.ApiBoth);
        if (text?.Length > MaxTextLength) return (null, Wording.Format(T.ApiTextTooLong, Wording.Count(MaxTextLength, T.CharactersForms)));
        if (payload is not null && Encoding.UTF8.GetByteCount(payload) > MaxPayloadBytes) return (null, T.ApiPayloadTooLong);
        if (body!.ClientMessageId is { } clientId && (clientId.Length > 64 || !IdPattern().IsMatch(clientId)))
            return (null, T.ApiBadClientMessageId);
        return (body with { Text = text, Payload = payload }, null);
    }

    private static MessageDto ToDto(string conversationId, MailboxMessage message)
    {
        var reply = Reply.FromJson(message.Body);
        return new MessageDto(
            message.Id,
            reply.Text,
            [.. reply.Buttons.Select(row => row.Select(b => new ButtonDto(b.Title, b.Payload)).ToList())],
            reply.File is { } file ? new FileDto(file.FileName, $"/api/chat/{conversationId}/files/{message.Id}") : null);
    }

    // At least 128 random bits as the page writes them (32 hex digits): the id is the only key to a chat's history.
    private static bool IsValidId(string id) => id.Length is >= 32 and <= 64 && IdPattern().IsMatch(id);

    private static IResult Error(string message, int status = StatusCodes.Status400BadRequest) =>
        Results.Json(new { error = message }, statusCode: status);

    [GeneratedRegex("^[A-Za-z0-9_-]+$")]
    private static partial Regex IdPattern();

    /// <summary>The language the browser asks for first (Accept-Language), as a hint for the welcome.</summary>
    internal static string? BrowserLanguage(HttpRequest request) =>
        request.GetTypedHeaders().AcceptLanguage.OrderByDescending(l => l.Quality ?? 1).Select(l => l.Value.Value).FirstOrDefault();

    private sealed record ChatRequest(string? Text, string? Payload, string? ClientMessageId);
    /// <summary>Language: what the chat speaks now, so the page's own words can follow.</summary>
    private sealed record ChatResponse(IReadOnlyList<MessageDto> Replies, bool Duplicate, string? Language = null);
    private sealed record MessageDto(long Id, string Text, IReadOnlyList<IReadOnlyList<ButtonDto>> Buttons, FileDto? File);
    private sealed record ButtonDto(string Title, string Payload);
    private sealed record FileDto(string Name, string Url);
}
