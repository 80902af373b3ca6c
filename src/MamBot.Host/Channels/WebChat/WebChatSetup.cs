using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using MamBot.Data.Residents;
using MamBot.Host.Outbox;

namespace MamBot.Host.Channels.WebChat;

public static class WebChatSetup
{
    public static WebApplicationBuilder AddWebChat(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<IChannelSender, WebChatSender>();
        builder.Services.AddSingleton<NewConversationGuard>();
        // Polish letters as they are in the API's JSON, not \u escapes.
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All));
        return builder;
    }

    /// <summary>The chat page (embedded in the assembly, so it is served wherever the bot is started from) and its API.</summary>
    public static WebApplication MapWebChat(this WebApplication app)
    {
        var page = ReadPageFile("index.html");
        app.MapGet("/", (HttpRequest request) => Results.Text(ChatPageTexts.Render(page, ChatPageTexts.LanguageOf(request)), "text/html; charset=utf-8"));
        app.MapGet("/chat-texts/{language}", (string language) =>
            Languages.Match(language) is { } known ? Results.Ok(ChatPageTexts.For(page, known)) : Results.NotFound());
        MapPageFile(app, "/chat.js", "chat.js", "text/javascript; charset=utf-8");
        MapPageFile(app, "/chat.css", "chat.css", "text/css; charset=utf-8");
        app.MapWebChatApi();
        return app;
    }

    private static void MapPageFile(WebApplication app, string route, string file, string contentType)
    {
        var content = ReadPageFile(file);
        app.MapGet(route, () => Results.Text(content, contentType));
    }

    private static string ReadPageFile(string file)
    {
        var name = $"MamBot.Host.Channels.WebChat.Page.{file}";
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The chat page file {name} is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
